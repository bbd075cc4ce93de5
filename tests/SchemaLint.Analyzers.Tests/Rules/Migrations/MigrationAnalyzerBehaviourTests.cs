using SchemaLint.Analyzers.Migrations;
using SchemaLint.Analyzers.Tests.Verification;
using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

/// <summary>How the migration analyzer reads a compilation: live per document, per context, per provider.</summary>
public sealed class MigrationAnalyzerBehaviourTests
{
    private static readonly string IndexEmail = Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """);

    [Fact]
    public async Task Reports_live_in_the_open_migration_file_judged_against_the_migrations_in_other_files()
    {
        var builder = Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer())
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("Initial.cs", Initial)
            .WithSourceCode("IndexEmail.cs", IndexEmail);

        var diagnostics = await builder.AnalyzeDocumentAsync(2);

        Assert.Equal("SL7001", Assert.Single(diagnostics).Id);
        Assert.Empty(await builder.AnalyzeDocumentAsync(1));
    }

    [Fact]
    public Task Judges_each_context_against_its_own_migrations() =>
        Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer()).WithOnlyRules("SL7002")
            .WithSourceCode("Contexts.cs", """
                using Microsoft.EntityFrameworkCore;
                namespace Shop
                {
                    public class ShopContext : DbContext { }
                    public class ArchiveContext : DbContext { }
                }
                """)
            .WithSourceCode("Initial.cs", Initial)
            .WithSourceCode("ArchiveBackfill.cs", """
                using Microsoft.EntityFrameworkCore.Infrastructure;
                using Microsoft.EntityFrameworkCore.Migrations;

                namespace Shop.Archive
                {
                    [DbContext(typeof(Shop.ArchiveContext))]
                    [Migration("20240115000000_ArchiveBackfill")]
                    public class ArchiveBackfill : Migration
                    {
                        // Runs against the archive database, not the shop's: it fills nothing ShopContext's migration relies on.
                        protected override void Up(MigrationBuilder migrationBuilder) =>
                            migrationBuilder.Sql("UPDATE \"Customers\" SET \"Email\" = 'archived' WHERE \"Email\" IS NULL");
                    }
                }
                """)
            .WithSourceCode("RequireEmail.cs", Migration("20240201000000_RequireEmail", "RequireEmail", """
                    migrationBuilder.{|SL7002:AlterColumn|}<string>(name: "Email", table: "Customers", type: "text", nullable: false,
                        oldClrType: typeof(string), oldType: "text", oldNullable: true);
        """))
            .ValidateAsync();

    [Fact]
    public async Task Gives_SQL_Server_advice_when_the_provider_option_says_SQL_Server()
    {
        var diagnostics = await Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer()).WithOnlyRules("SL7001")
            .WithEditorConfig("schemalint.provider = sqlserver")
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("Initial.cs", Initial)
            .WithSourceCode("IndexEmail.cs", Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """))
            .ValidateAsync();

        Assert.Contains("SqlServer:Online", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Leaves_migrations_before_the_configured_baseline_unjudged() =>
        Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer()).WithOnlyRules("SL7001")
            .WithEditorConfig("schemalint.migrations_reviewed_before = 20240301")
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("Initial.cs", Initial)
            .WithSourceCode("IndexEmail.cs", IndexEmail)
            .WithSourceCode("IndexName.cs", Migration("20240301000000_IndexName", "IndexName", """
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Name", table: "Customers", column: "Name");
        """))
            .ValidateAsync();

    [Fact]
    public Task Registers_nothing_in_a_project_without_EF_Core_migrations() =>
        Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer()).WithoutEntityFramework()
            .WithSourceCode("""
                namespace Shop
                {
                    public class Migration { }
                    public class IndexEmail : Migration { }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Does_not_judge_Down() => Verify("SL7003", """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.ShopContext))]
            [Migration("20240201000000_AddPhone")]
            public class AddPhone : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Phone", table: "Customers");
                }
            }
        }
        """);
}
