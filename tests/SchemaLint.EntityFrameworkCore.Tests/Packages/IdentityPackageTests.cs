using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore.Tests.Packages;

/// <summary>
/// Issue 14 on a real EF Core model: an application's Identity context. Identity's own entity types (roles, claims, logins,
/// tokens) and the columns AppUser inherits from IdentityUser are the package's; AppUser's own members are the application's.
/// </summary>
public sealed class IdentityPackageTests
{
    private const string IdentityStores = "Microsoft.Extensions.Identity.Stores";

    private static readonly SchemaLintOptions IncludePackages = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>("schemalint.include_package_entities", "true") });

    public class AppUser : IdentityUser
    {
        public string DisplayName { get; set; } = "";
    }

    public sealed class AppIdentityContext : IdentityDbContext<AppUser>
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=identity");
    }

    private static AuditReport Audit(SchemaLintOptions? options = null)
    {
        using var context = new AppIdentityContext();
        return SchemaAudit.Run(context, options);
    }

    private static IEnumerable<Finding> OnIdentityTypes(AuditReport report) =>
        report.Findings.Where(f => f.EntityName?.StartsWith("Microsoft.AspNetCore.Identity.", StringComparison.Ordinal) == true);

    private static IEnumerable<Finding> OnAppUser(AuditReport report) =>
        report.Findings.Where(f => f.EntityName == typeof(AppUser).FullName);

    private static readonly string[] InheritedMembers = typeof(IdentityUser<string>).GetProperties().Select(p => p.Name).ToArray();

    [Fact]
    public void Identity_entity_types_get_no_findings_by_default()
    {
        Assert.Empty(OnIdentityTypes(Audit()));
    }

    [Fact]
    public void Identity_entity_types_get_their_findings_with_include_package_entities()
    {
        var entities = OnIdentityTypes(Audit(IncludePackages)).Select(f => f.EntityName).Distinct().ToList();

        Assert.Contains("Microsoft.AspNetCore.Identity.IdentityRole", entities);
        Assert.Contains("Microsoft.AspNetCore.Identity.IdentityUserClaim<string>", entities);
    }

    [Fact]
    public void The_columns_AppUser_inherits_from_IdentityUser_are_not_judged_by_default()
    {
        Assert.DoesNotContain(OnAppUser(Audit()), f => InheritedMembers.Contains(f.MemberName));
    }

    [Fact]
    public void The_members_AppUser_declares_are_judged()
    {
        var report = Audit();

        Assert.Contains(OnAppUser(report), f => f.MemberName == nameof(AppUser.DisplayName) && f.RuleId == RuleIds.ShortTextUnbounded);
    }

    [Fact]
    public void AppUser_itself_is_judged_by_the_entity_level_rules()
    {
        // The application can add CreatedAt and UpdatedAt to AppUser.
        Assert.Contains(OnAppUser(Audit()), f => f.RuleId == RuleIds.MissingTimestamps);
    }

    [Fact]
    public void The_columns_AppUser_inherits_are_judged_with_include_package_entities()
    {
        var inherited = OnAppUser(Audit(IncludePackages)).Where(f => InheritedMembers.Contains(f.MemberName)).ToList();

        Assert.Contains(inherited, f => f.MemberName == nameof(IdentityUser.PhoneNumber));
    }

    [Fact]
    public void The_report_lists_the_skipped_Identity_entity_types_by_package()
    {
        var skipped = Assert.Single(Audit().SkippedPackageEntityTypes);

        Assert.Equal(IdentityStores, skipped.Package);
        Assert.Equal(
            new[] { "IdentityRole", "IdentityRoleClaim", "IdentityUserClaim", "IdentityUserLogin", "IdentityUserRole", "IdentityUserToken" },
            skipped.EntityTypes);
    }

    [Fact]
    public void The_report_lists_nothing_as_skipped_with_include_package_entities()
    {
        var report = Audit(IncludePackages);

        Assert.Empty(report.SkippedPackageEntityTypes);
        Assert.Null(report.SkippedPackageEntityTypesSentence);
    }
}
