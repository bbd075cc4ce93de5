using SchemaLint.Analyzers.Tests.Verification;
using static SchemaLint.Analyzers.Tests.Rules.Migrations.MigrationSources;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

public sealed class IndexWithoutConcurrentCreationTests
{
    private const string Id = "SL7001";

    [Fact]
    public Task Fires_on_an_index_created_on_a_table_an_earlier_migration_created() => Verify(Id, Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.{|SL7001:CreateIndex|}(
                        name: "IX_Customers_Email",
                        table: "Customers",
                        column: "Email");
        """));

    [Fact]
    public Task Stays_silent_on_the_index_the_initial_migration_creates_with_its_table() => Verify(Id);

    [Fact]
    public Task Stays_silent_on_an_index_created_concurrently() => Verify(Id, Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Email",
                        table: "Customers",
                        column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", true);
        """));

    [Fact]
    public Task Fires_on_an_index_annotated_not_concurrent() => Verify(Id, Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", false);
        """));

    [Fact]
    public Task Stays_silent_when_the_annotation_value_is_not_a_constant() => Verify(Id, Migration("20240201000000_IndexEmail", "IndexEmail", """
                    var concurrently = Environment.GetEnvironmentVariable("CONCURRENT") == "1";
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", concurrently);
        """));

    [Fact]
    public Task Judges_migrations_in_id_order_not_file_order() =>
        Verifier.CreateProjectBuilder().WithAnalyzer(new SchemaLint.Analyzers.Migrations.MigrationAnalyzer()).WithOnlyRules(Id)
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("A.cs", Migration("20240301000000_IndexCoupons", "IndexCoupons", """
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Coupons_Code", table: "Coupons", column: "Code");
        """))
            .WithSourceCode("B.cs", Migration("20240201000000_AddCoupons", "AddCoupons", """
                    migrationBuilder.CreateTable(
                        name: "Coupons",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false), Code = table.Column<string>(type: "text", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Coupons", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Coupons_Id_Code", table: "Coupons", columns: new[] { "Id", "Code" });
        """))
            .ValidateAsync();

    [Fact]
    public Task Stays_silent_on_a_migration_marked_reviewed_in_a_comment() => Verify(Id, Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """, leading: "// schemalint: reviewed SL7001 (Customers has 40 rows and never grows)"));

    [Fact]
    public Task Stays_silent_on_a_migration_suppressed_with_SuppressMessage() => Verify(Id, """
        using System.Diagnostics.CodeAnalysis;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.ShopContext))]
            [Migration("20240201000000_IndexEmail")]
            [SuppressMessage("Migrations", "SL7001", Justification = "Small table.")]
            public partial class IndexEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
                }
            }
        }
        """);

    [Fact]
    public Task Stays_silent_on_a_class_without_a_Migration_attribute_which_EF_Core_never_runs() => Verify(Id, """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            public class Helper : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
                }
            }
        }
        """);

    [Fact]
    public Task Follows_the_provider_option_to_SQLite_which_builds_no_index_concurrently() =>
        Verifier.CreateProjectBuilder().WithAnalyzer(new SchemaLint.Analyzers.Migrations.MigrationAnalyzer()).WithOnlyRules(Id)
            .WithEditorConfig("schemalint.provider = sqlite")
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("Initial.cs", Initial)
            .WithSourceCode("IndexEmail.cs", Migration("20240201000000_IndexEmail", "IndexEmail", """
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """))
            .ValidateAsync();
}
