using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Analyzers.Tests.Verification.Official;

namespace SchemaLint.Analyzers.Tests.Rules.Packages;

/// <summary>
/// Issue 14 in the build: findings on what Identity's package declares (its entity types, the columns AppUser inherits from
/// IdentityUser) are not reported unless schemalint.include_package_entities is on; AppUser's own members are. Identity is
/// referenced from NuGet's packages folder, as MSBuild references it.
/// </summary>
public sealed class PackageEntityTests
{
    // Rules that judge the columns IdentityUser brings (unbounded short text, a unique candidate without a unique index),
    // AppUser's own DisplayName, and AppUser itself (missing timestamps).
    private static readonly string[] Rules = { "SL2004", "SL2007", "SL3001" };

    private const string Usings = RuleVerifier.Usings + "using Microsoft.AspNetCore.Identity;\nusing Microsoft.AspNetCore.Identity.EntityFrameworkCore;\n";

    private static SchemaLintAnalyzerTest Identity(string markup) =>
        new SchemaLintAnalyzerTest(Rules).WithIdentityFromPackages().Source(Usings + markup);

    private const string PlainContext = """
        public class AppDbContext : DbContext
        {
            public DbSet<AppUser> Users => Set<AppUser>();
            public DbSet<IdentityRole> Roles => Set<IdentityRole>();
        }
        """;

    [Fact]
    public Task Only_the_members_AppUser_declares_are_judged() => Identity("""
        public class {|SL3001:AppUser|} : IdentityUser { public string {|SL2004:DisplayName|} { get; set; } = ""; }
        """ + PlainContext).ValidateAsync();

    [Fact]
    public Task Only_the_members_AppUser_declares_are_judged_in_an_Identity_context() => Identity("""
        public class {|SL3001:AppUser|} : IdentityUser { public string {|SL2004:DisplayName|} { get; set; } = ""; }
        public class AppDbContext : IdentityDbContext<AppUser> { }
        """).ValidateAsync();

    [Fact]
    public Task The_columns_AppUser_inherits_are_judged_with_include_package_entities()
    {
        // A member without a line in this source is reported on the entity type's declaration, as the audit does.
        var test = Identity("""
            public class {|#0:AppUser|} : IdentityUser { public string {|SL2004:DisplayName|} { get; set; } = ""; }
            """ + PlainContext).WithEditorConfig("schemalint.include_package_entities = true");
        test.Expect(new DiagnosticResult("SL3001", DiagnosticSeverity.Info).WithLocation(0));
        foreach (var member in new[] { "Email", "NormalizedEmail", "NormalizedUserName", "PhoneNumber", "UserName" })
            test.Expect(new DiagnosticResult("SL2004", DiagnosticSeverity.Info).WithLocation(0).WithMessage($"'AppUser.{member}' is an identifier-like text with no max length; bound it (for example {SuggestedLength(member)} characters) so bad input fails early and indexes stay small"));
        foreach (var member in new[] { "Email", "UserName" })
            test.Expect(new DiagnosticResult("SL2007", DiagnosticSeverity.Warning).WithLocation(0).WithMessage($"'AppUser.{member}' should be unique but no unique index or key covers it; two rows can claim the same value"));
        return test.ValidateAsync();
    }

    [Fact]
    public Task A_referenced_assembly_outside_a_package_layout_is_the_applications()
    {
        // The same Identity types from this test's bin folder, as a project reference's output would be: judged.
        var test = new SchemaLintAnalyzerTest(Rules).Source(Usings + """
            public class {|#0:AppUser|} : IdentityUser { public string {|SL2004:DisplayName|} { get; set; } = ""; }
            """ + PlainContext);
        test.WithReferences(new[] { TestReferences.Of(typeof(Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext).Assembly) });
        test.Expect(new DiagnosticResult("SL3001", DiagnosticSeverity.Info).WithLocation(0));
        for (var i = 0; i < 5; i++) test.Expect(new DiagnosticResult("SL2004", DiagnosticSeverity.Info).WithLocation(0));
        for (var i = 0; i < 2; i++) test.Expect(new DiagnosticResult("SL2007", DiagnosticSeverity.Warning).WithLocation(0));
        return test.ValidateAsync();
    }

    private static int SuggestedLength(string member) => member switch
    {
        "Email" or "NormalizedEmail" => 254,
        "PhoneNumber" => 32,
        "UserName" => 50,
        _ => 100,
    };
}
