using Microsoft.EntityFrameworkCore.Migrations;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.EntityFrameworkCore.Migrations;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

/// <summary>
/// Migrations as EF Core compiles them: a Migration whose Up calls the real MigrationBuilder, read through its UpOperations
/// by the audit's reader, then judged by the engine.
/// </summary>
internal sealed class CompiledHistory
{
    private readonly List<(string Id, Action<MigrationBuilder> Up)> _migrations = new();
    private readonly string _provider;
    private readonly DatabaseProvider _databaseProvider;

    private CompiledHistory(string provider, DatabaseProvider databaseProvider)
    {
        _provider = provider;
        _databaseProvider = databaseProvider;
    }

    /// <summary>Customers (Id identity, Name varchar(200), Email text null) and Orders (Id, CustomerId) with the FK's index.</summary>
    public static CompiledHistory PostgreSqlShop() => new CompiledHistory("Npgsql.EntityFrameworkCore.PostgreSQL", DatabaseProvider.PostgreSql).Migration("20240101000000_Initial", b =>
    {
        b.CreateTable(
            name: "Customers",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false).Annotation("Npgsql:ValueGenerationStrategy", 2),
                Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                Email = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
        b.CreateTable(
            name: "Orders",
            columns: table => new
            {
                Id = table.Column<int>(type: "integer", nullable: false),
                CustomerId = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Orders", x => x.Id);
                table.ForeignKey("FK_Orders_Customers_CustomerId", x => x.CustomerId, "Customers", "Id");
            });
        b.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
    });

    public CompiledHistory Migration(string id, Action<MigrationBuilder> up)
    {
        _migrations.Add((id, up));
        return this;
    }

    public IReadOnlyList<Finding> Audit(string ruleId)
    {
        var history = new MigrationHistory();
        var notes = new List<string>();
        foreach (var (id, up) in _migrations)
            history.Add(CompiledMigrationReader.ReadMigration(id, typeof(LambdaMigration), () => new LambdaMigration(up) { ActiveProvider = _provider }, notes));
        Assert.Empty(notes);
        var model = new SchemaModel("ShopContext", _databaseProvider) { Migrations = history };
        return SchemaLintEngine.Default.Analyze(model).Where(f => f.RuleId == ruleId).ToList();
    }

    private sealed class LambdaMigration(Action<MigrationBuilder> up) : Microsoft.EntityFrameworkCore.Migrations.Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => up(migrationBuilder);
    }
}
