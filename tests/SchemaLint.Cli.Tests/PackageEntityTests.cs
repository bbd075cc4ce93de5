using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// Issue 14 as a user meets it: `schemalint audit` of an Identity application reports what the application can change and
/// says which package-owned entity types it skipped.
/// </summary>
[Collection(CommandCollection.Name)]
public sealed class PackageEntityTests : IDisposable
{
    private const string SkippedLine = "  Skipped 6 entity types owned by packages (Microsoft.Extensions.Identity.Stores: IdentityRole, IdentityRoleClaim, "
        + "IdentityUserClaim, IdentityUserLogin, IdentityUserRole, IdentityUserToken); set schemalint.include_package_entities = true to review them.";

    private static readonly string[] InheritedFromIdentityUser =
    {
        "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
        "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount",
    };

    private readonly FixtureApplications _fixtures;
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-tests-").FullName;

    public PackageEntityTests(FixtureApplications fixtures) => _fixtures = fixtures;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Text_report_judges_the_applications_own_types_and_names_the_skipped_package_entity_types()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.IdentityApp, "--fail-on", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Replace("\r\n", "\n").Split('\n');
        Assert.Contains(SkippedLine, lines);
        Assert.DoesNotContain(lines, l => l.Contains("Microsoft.AspNetCore.Identity.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SL2004: 'AppUser.DisplayName'", StringComparison.Ordinal));
        // A class library the application references as a project is the application's own.
        Assert.Contains(lines, l => l.Contains("SL2002: 'Order.Total'", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_report_lists_the_skipped_package_entity_types_and_no_finding_on_what_Identity_declares()
    {
        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.IdentityApp, "--format", "json", "--fail-on", "none");

        using var report = CommandAssert.Json(result);
        var skipped = Assert.Single(report.RootElement.GetProperty("contexts")[0].GetProperty("skippedPackageEntityTypes").EnumerateArray());
        Assert.Equal("Microsoft.Extensions.Identity.Stores", skipped.GetProperty("package").GetString());
        Assert.Equal(6, skipped.GetProperty("entityTypes").GetArrayLength());
        var findings = CommandAssert.Findings(report);
        Assert.DoesNotContain(findings, f => f.Entity!.StartsWith("Microsoft.AspNetCore.Identity.", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Entity == "IdentityApp.AppUser" && InheritedFromIdentityUser.Contains(f.Member));
        Assert.Contains(findings, f => f.Entity == "IdentityApp.AppUser" && f.Member == "DisplayName");
    }

    [Fact]
    public void With_include_package_entities_the_audit_reviews_what_Identity_declares()
    {
        var config = Path.Combine(_scratch, ".editorconfig");
        File.WriteAllText(config, "root = true\n[*.cs]\nschemalint.include_package_entities = true\n");

        var result = SchemaLintCommand.Run(FixtureApplications.Root, "audit", _fixtures.IdentityApp, "--format", "json", "--fail-on", "none", "--config", config);

        using var report = CommandAssert.Json(result);
        Assert.Empty(report.RootElement.GetProperty("contexts")[0].GetProperty("skippedPackageEntityTypes").EnumerateArray());
        var findings = CommandAssert.Findings(report);
        Assert.Contains(findings, f => f.Entity == "Microsoft.AspNetCore.Identity.IdentityUserToken<string>");
        Assert.Contains(findings, f => f.Entity == "IdentityApp.AppUser" && f.Member == "Email");
    }
}
