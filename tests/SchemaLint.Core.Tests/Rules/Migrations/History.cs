using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Tests.Rules.Migrations;

/// <summary>A migrations history written as the operations EF Core's MigrationBuilder would record, for the migration rules.</summary>
public sealed class History
{
    private readonly MigrationHistory _history = new();
    private readonly DatabaseProvider _provider;
    private int _sequence;

    private History(DatabaseProvider provider) => _provider = provider;

    public static History PostgreSql() => new(DatabaseProvider.PostgreSql);

    public static History SqlServer() => new(DatabaseProvider.SqlServer);

    public static History Sqlite() => new(DatabaseProvider.Sqlite);

    /// <summary>Customers (Id, Name varchar(200), Email text null) and Orders (Id, CustomerId), as a first migration creates them.</summary>
    public static History PostgreSqlShop() => PostgreSql().Migration("Initial", m => m
        .CreateTable("Customers", Col.Int("Id"), Col.Text("Name", "character varying(200)", nullable: false), Col.Text("Email", "text", nullable: true))
        .CreateTable("Orders", Col.Int("Id"), Col.Int("CustomerId")));

    public History Migration(string name, Action<MigrationSteps> up)
    {
        _sequence++;
        var migration = new MigrationModel($"2024010{_sequence}000000_{name}", "Shop.Migrations." + name);
        up(new MigrationSteps(migration));
        _history.Add(migration);
        return this;
    }

    public History PendingChanges(params string[] changes)
    {
        _history.HasPendingModelChanges = changes.Length > 0;
        _history.PendingModelChanges = changes;
        return this;
    }

    public IReadOnlyList<Finding> Lint(string ruleId, SchemaLintOptions? options = null)
    {
        var model = new SchemaModel("ShopContext", _provider) { Migrations = _history };
        return SchemaLintEngine.Default.Analyze(model, options).Where(f => f.RuleId == ruleId).ToList();
    }
}

public static class Col
{
    public static ColumnDefinition Int(string name, bool nullable = false, string type = "integer") =>
        new() { Name = name, ClrType = "Int32", StoreType = type, IsNullable = nullable, HasDefault = false };

    public static ColumnDefinition Text(string name, string type, bool nullable) =>
        new() { Name = name, ClrType = "String", StoreType = type, IsNullable = nullable, HasDefault = false };
}

public sealed class MigrationSteps(MigrationModel migration)
{
    public MigrationModel Model => migration;

    private MigrationSteps Add(MigrationOperation operation)
    {
        migration.Operations.Add(operation);
        return this;
    }

    public MigrationSteps CreateTable(string table, params ColumnDefinition[] columns) =>
        Add(new MigrationOperation(MigrationOperationKind.CreateTable) { Table = table, TableColumns = columns });

    public MigrationSteps DropTable(string table) => Add(new MigrationOperation(MigrationOperationKind.DropTable) { Table = table });

    public MigrationSteps RenameTable(string table, string newName) => Add(new MigrationOperation(MigrationOperationKind.RenameTable) { Table = table, NewName = newName });

    public MigrationSteps AddColumn(string table, ColumnDefinition column) =>
        Add(new MigrationOperation(MigrationOperationKind.AddColumn) { Table = table, Name = column.Name, Column = column });

    public MigrationSteps DropColumn(string table, string column) => Add(new MigrationOperation(MigrationOperationKind.DropColumn) { Table = table, Name = column });

    public MigrationSteps RenameColumn(string table, string column, string newName) =>
        Add(new MigrationOperation(MigrationOperationKind.RenameColumn) { Table = table, Name = column, NewName = newName });

    public MigrationSteps AlterColumn(string table, ColumnDefinition column, ColumnDefinition old) =>
        Add(new MigrationOperation(MigrationOperationKind.AlterColumn) { Table = table, Name = column.Name, Column = column, OldColumn = old });

    public MigrationSteps CreateIndex(string name, string table, string column, bool unique = false, bool? concurrent = false, params string[] more) =>
        Add(new MigrationOperation(MigrationOperationKind.CreateIndex) { Name = name, Table = table, Columns = new[] { column }.Concat(more).ToArray(), IsUnique = unique, IsConcurrent = concurrent });

    public MigrationSteps AddForeignKey(string name, string table, string column, string principal) =>
        Add(new MigrationOperation(MigrationOperationKind.AddForeignKey) { Name = name, Table = table, Columns = new[] { column }, PrincipalTable = principal });

    public MigrationSteps AddCheckConstraint(string name, string table) => Add(new MigrationOperation(MigrationOperationKind.AddCheckConstraint) { Name = name, Table = table });

    public MigrationSteps AddUniqueConstraint(string name, string table, string column) =>
        Add(new MigrationOperation(MigrationOperationKind.AddUniqueConstraint) { Name = name, Table = table, Columns = new[] { column } });

    public MigrationSteps Sql(string? sql) => Add(new MigrationOperation(MigrationOperationKind.Sql) { Sql = sql });

    public MigrationSteps Reviewed(params string[] ruleIds)
    {
        foreach (var id in ruleIds) migration.ReviewedRules.Add(id);
        return this;
    }

    /// <summary>Up also does something the front end could not read (a loop, a helper).</summary>
    public MigrationSteps Unread()
    {
        migration.IsFullyRead = false;
        return this;
    }
}
