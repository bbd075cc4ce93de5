using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Migrations;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

/// <summary>Hand-written migrations as EF Core scaffolds them: one class per migration, [DbContext] and [Migration] on it.</summary>
internal static class MigrationSources
{
    public const string Context = """
        using Microsoft.EntityFrameworkCore;
        namespace Shop
        {
            public class ShopContext : DbContext { }
        }
        """;

    /// <summary>Customers (Id, Name varchar(200), Email text null) and Orders (Id, CustomerId, Total numeric(18,2)).</summary>
    public static readonly string Initial = Migration("20240101000000_Initial", "Initial", """
            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CustomerId = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(name: "FK_Orders_Customers_CustomerId", column: x => x.CustomerId, principalTable: "Customers", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
        """);

    public static string Migration(string id, string name, string up, string leading = "") => $$"""
        {{leading}}
        using System;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.ShopContext))]
            [Migration("{{id}}")]
            public partial class {{name}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}
                }
            }
        }
        """;

    /// <summary>The context, the initial migration, then the migrations under test, through the migration analyzer alone.</summary>
    public static Task<ImmutableArray<Diagnostic>> Verify(string ruleId, params string[] migrations)
    {
        var builder = Verifier.CreateProjectBuilder().WithAnalyzer(new MigrationAnalyzer()).WithOnlyRules(ruleId)
            .WithSourceCode("ShopContext.cs", Context)
            .WithSourceCode("20240101000000_Initial.cs", Initial);
        for (var i = 0; i < migrations.Length; i++) builder = builder.WithSourceCode($"Migration{i + 1}.cs", migrations[i]);
        return builder.ValidateAsync();
    }
}
