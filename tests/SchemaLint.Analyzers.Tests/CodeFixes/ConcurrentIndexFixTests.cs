using SchemaLint.CodeFixes.Fixes.Migrations;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

public sealed class ConcurrentIndexFixTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;
        namespace Shop
        {
            public class ShopContext : DbContext { }
        }
        """;

    private const string Initial = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.ShopContext))]
            [Migration("20240101000000_Initial")]
            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Customers",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false), Email = table.Column<string>(type: "text", nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                }
            }
        }
        """;

    private static string IndexEmail(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.ShopContext))]
            [Migration("20240201000000_IndexEmail")]
            public partial class IndexEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}
                }
            }
        }
        """;

    [Fact]
    public Task Chains_the_Npgsql_annotation_as_EF_Core_scaffolds_it() =>
        FixVerifier.For<ConcurrentIndexFix>("SL7001", ConcurrentIndexFix.CreateConcurrently)
            .RawFile("ShopContext.cs", Context, Context)
            .RawFile("Initial.cs", Initial, Initial)
            .RawFile("IndexEmail.cs", IndexEmail("""
                    migrationBuilder.{|SL7001:CreateIndex|}(
                        name: "IX_Customers_Email",
                        table: "Customers",
                        column: "Email");
        """), IndexEmail("""
                    migrationBuilder.CreateIndex(
                        name: "IX_Customers_Email",
                        table: "Customers",
                        column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", true);
        """))
            .RunAsync();

    [Fact]
    public Task Turns_an_annotation_set_to_false_to_true() =>
        FixVerifier.For<ConcurrentIndexFix>("SL7001", ConcurrentIndexFix.CreateConcurrently)
            .RawFile("ShopContext.cs", Context, Context)
            .RawFile("Initial.cs", Initial, Initial)
            .RawFile("IndexEmail.cs", IndexEmail("""
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", false);
        """), IndexEmail("""
                    migrationBuilder.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email")
                        .Annotation("Npgsql:CreatedConcurrently", true);
        """))
            .RunAsync();

    [Fact]
    public Task Is_not_offered_on_SQL_Server() =>
        FixVerifier.For<ConcurrentIndexFix>("SL7001", ConcurrentIndexFix.CreateConcurrently)
            .EditorConfig("schemalint.provider = sqlserver")
            .RawFile("ShopContext.cs", Context, Context)
            .RawFile("Initial.cs", Initial, Initial)
            .RawFile("IndexEmail.cs", IndexEmail("""
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """), IndexEmail("""
                    migrationBuilder.{|SL7001:CreateIndex|}(name: "IX_Customers_Email", table: "Customers", column: "Email");
        """))
            .RunAsync();
}
