using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Engine;

/// <summary>Issue 14: by default, only findings the application can act on; what packages declare is skipped in one place.</summary>
public class PackageOwnershipTests
{
    private const string IdentityStores = "Microsoft.Extensions.Identity.Stores";

    private static readonly SchemaLintOptions IncludePackages = Config.Of("schemalint.include_package_entities = true");

    // class AppUser : IdentityUser { public string DisplayName { get; set; } }, and Identity's own IdentityRole.
    private static SchemaBuilder IdentityModel() =>
        Schema.PostgreSql()
            .Entity("App.AppUser", e => e.Key("Id")
                .Property<string>("Email", p => p.FromPackage(IdentityStores))
                .Property<string>("UserName", p => p.FromPackage(IdentityStores))
                .Property<string>("DisplayName"))
            .Entity("Microsoft.AspNetCore.Identity.IdentityRole", e => e.FromPackage(IdentityStores).Key("Id")
                .Property<string>("Name")
                .Property<string>("NormalizedName"));

    [Fact]
    public void An_entity_type_a_package_declares_gets_no_findings()
    {
        var findings = IdentityModel().Lint();

        Assert.DoesNotContain(findings, f => f.EntityName == "Microsoft.AspNetCore.Identity.IdentityRole");
    }

    [Fact]
    public void An_entity_type_a_package_declares_gets_its_findings_with_include_package_entities()
    {
        var findings = IdentityModel().Lint(IncludePackages);

        Assert.Contains(findings, f => f.EntityName == "Microsoft.AspNetCore.Identity.IdentityRole" && f.RuleId == RuleIds.MissingTimestamps);
        Assert.Contains(findings, f => f.EntityName == "Microsoft.AspNetCore.Identity.IdentityRole" && f.MemberName == "Name");
    }

    [Fact]
    public void Members_an_application_type_inherits_from_a_package_type_are_not_judged()
    {
        var findings = IdentityModel().Lint();

        Assert.DoesNotContain(findings, f => f.EntityName == "App.AppUser" && f.MemberName is "Email" or "UserName");
        Assert.Contains(findings, f => f.EntityName == "App.AppUser" && f.MemberName == "DisplayName");
    }

    [Fact]
    public void Members_an_application_type_inherits_from_a_package_type_are_judged_with_include_package_entities()
    {
        var findings = IdentityModel().Lint(IncludePackages);

        Assert.Contains(findings, f => f.EntityName == "App.AppUser" && f.MemberName == "Email" && f.RuleId == RuleIds.UniqueCandidateWithoutIndex);
    }

    [Fact]
    public void Entity_level_rules_judge_an_application_type_that_derives_from_a_package_type()
    {
        // The application can add CreatedAt and UpdatedAt to AppUser, whatever IdentityUser lacks.
        var findings = IdentityModel().Lint(RuleIds.MissingTimestamps);

        Assert.Contains(findings, f => f.EntityName == "App.AppUser");
    }

    [Fact]
    public void A_relationship_a_package_declares_is_not_judged_on_an_application_type()
    {
        var findings = Schema.PostgreSql()
            .Entity("App.AppUser", e => e.Key("Id"))
            .Entity("App.AppUserClaim", e => e.Key("Id")
                .Property<int>("UserId", p => p.FromPackage(IdentityStores))
                .ForeignKey("UserId", "App.AppUser", fk => fk.Navigation(null).WithoutIndex().FromPackage(IdentityStores)))
            .Lint(RuleIds.ForeignKeyNotIndexed);

        Assert.Empty(findings);
    }

    [Fact]
    public void A_relationship_the_application_declares_a_navigation_of_is_judged_though_its_foreign_key_is_a_packages()
    {
        // AppUserClaim inherits UserId from IdentityUserClaim, but the application declared AppUserClaim.User.
        var findings = Schema.PostgreSql()
            .Entity("App.AppUser", e => e.Key("Id"))
            .Entity("App.AppUserClaim", e => e.Key("Id")
                .Property<int>("UserId", p => p.FromPackage(IdentityStores))
                .ForeignKey("UserId", "App.AppUser", fk => fk.Navigation("User").WithoutIndex()))
            .Lint(RuleIds.ForeignKeyNotIndexed);

        Assert.Equal("User", Assert.Single(findings).MemberName);
    }

    [Fact]
    public void An_index_over_columns_a_package_declares_is_not_judged()
    {
        var findings = Schema.PostgreSql()
            .Entity("App.AppUser", e => e.Key("Id")
                .Property<string>("NormalizedEmail", p => p.FromPackage(IdentityStores).MaxLength(256))
                .Property<string>("NormalizedUserName", p => p.FromPackage(IdentityStores).MaxLength(256))
                .Index("NormalizedEmail")
                .Index("NormalizedEmail", "NormalizedUserName"))
            .Lint(RuleIds.RedundantIndex);

        Assert.Empty(findings);
    }

    [Fact]
    public void Database_and_migration_rules_judge_what_packages_declare()
    {
        var model = IdentityModel().Build();
        var role = model.FindEntity("IdentityRole")!;

        Assert.False(PackageOwnership.IsAboutPackage(model, RuleCatalog.Get("SL6001"), role, null));
        Assert.False(PackageOwnership.IsAboutPackage(model, RuleCatalog.Get("SL7003"), role, null));
        Assert.True(PackageOwnership.IsAboutPackage(model, RuleCatalog.Get(RuleIds.MissingTimestamps), role, null));
    }

    [Fact]
    public void A_member_that_names_nothing_in_the_model_is_judged_by_its_entity_type()
    {
        var model = IdentityModel().Build();

        Assert.False(PackageOwnership.IsAboutPackage(model, RuleCatalog.Get(RuleIds.ShortTextUnbounded), model.FindEntity("AppUser"), "Nickname"));
    }

    [Fact]
    public void A_relationship_is_the_applications_as_soon_as_it_declares_one_part()
    {
        Assert.Null(PackageOwnership.OfDeclaredParts(new[] { IdentityStores, null }));
        Assert.Equal(IdentityStores, PackageOwnership.OfDeclaredParts(new[] { IdentityStores, IdentityStores }));
        Assert.Null(PackageOwnership.OfDeclaredParts(Array.Empty<string?>()));
    }

    [Fact]
    public void The_skipped_entity_types_are_listed_by_package()
    {
        var model = Schema.PostgreSql()
            .Entity("OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken", e => e.FromPackage("OpenIddict.EntityFrameworkCore.Models").Key("Id"))
            .Entity("Microsoft.AspNetCore.Identity.IdentityRole", e => e.FromPackage(IdentityStores).Key("Id"))
            .Entity("Microsoft.AspNetCore.Identity.IdentityUserClaim", e => e.FromPackage(IdentityStores).Key("Id"))
            .Entity("App.AppUser", e => e.Key("Id"))
            .Build();

        var skipped = PackageOwnership.SkippedEntityTypes(model, SchemaLintOptions.Default);

        Assert.Equal(new[] { IdentityStores, "OpenIddict.EntityFrameworkCore.Models" }, skipped.Select(p => p.Package));
        Assert.Equal(new[] { "IdentityRole", "IdentityUserClaim" }, skipped[0].EntityTypes);
        Assert.Equal(
            "Skipped 3 entity types owned by packages (Microsoft.Extensions.Identity.Stores: IdentityRole, IdentityUserClaim; "
            + "OpenIddict.EntityFrameworkCore.Models: OpenIddictEntityFrameworkCoreToken); set schemalint.include_package_entities = true to review them.",
            PackageEntityTypes.Sentence(skipped));
    }

    [Fact]
    public void Nothing_is_skipped_with_include_package_entities()
    {
        Assert.Empty(PackageOwnership.SkippedEntityTypes(IdentityModel().Build(), IncludePackages));
        Assert.Null(PackageEntityTypes.Sentence(Array.Empty<PackageEntityTypes>()));
    }

    [Theory]
    [InlineData("/root/.nuget/packages/microsoft.extensions.identity.stores/10.0.14/lib/net10.0/Microsoft.Extensions.Identity.Stores.dll", "microsoft.extensions.identity.stores")]
    [InlineData(@"C:\Users\me\.nuget\packages\openiddict.entityframeworkcore.models\6.1.1\lib\net8.0\OpenIddict.EntityFrameworkCore.Models.dll", "openiddict.entityframeworkcore.models")]
    [InlineData("/usr/share/dotnet/packs/Microsoft.AspNetCore.App.Ref/10.0.0/ref/net10.0/Microsoft.AspNetCore.Identity.dll", "Microsoft.AspNetCore.App.Ref")]
    [InlineData("/opt/nuget-fallback/some.package/1.2.3-beta.4/lib/netstandard2.0/Some.Package.dll", "some.package")]
    [InlineData("/usr/share/dotnet/shared/Microsoft.AspNetCore.App/10.0.1/Microsoft.AspNetCore.Identity.dll", "Microsoft.AspNetCore.App")]
    public void An_assembly_in_a_package_layout_is_the_packages(string path, string package)
    {
        Assert.Equal(package, PackageAssemblies.PackageOfAssemblyPath(path));
    }

    [Theory]
    [InlineData("/src/Shop.Data/obj/Debug/net10.0/ref/Shop.Data.dll")]
    [InlineData("/src/Shop.Web/bin/Release/net10.0/Shop.Data.dll")]
    [InlineData("/src/Shop.Web/bin/Release/net10.0/Microsoft.Extensions.Identity.Stores.dll")]
    [InlineData("")]
    [InlineData(null)]
    public void An_assembly_outside_a_package_layout_is_the_applications(string? path)
    {
        Assert.Null(PackageAssemblies.PackageOfAssemblyPath(path));
    }
}
