using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

/// <summary>
/// The database rules on a SQLite schema with no EF Core services to write the fixes (a front end that cannot ask its ORM):
/// the rules' own SQL is SQLite's, never PostgreSQL's, and where only a table rebuild helps they say so.
/// </summary>
public class SqliteRulesTests
{
    private sealed class Store
    {
        public Store()
        {
            Model = new SchemaModel("StoreContext", DatabaseProvider.Sqlite);
            Shoppers = Model.AddEntity(BudgetSchema.Table("Store.Shopper", "Shoppers"));
            Shoppers.AddProperty(BudgetSchema.Column("Id", ClrTypeNames.Int32, "INTEGER", nullable: false));
            Shoppers.AddProperty(BudgetSchema.Column("Email", ClrTypeNames.String, "TEXT", nullable: false, maxLength: 254));
            Shoppers.AddProperty(BudgetSchema.Column("CreatedAt", ClrTypeNames.DateTime, "TEXT", nullable: false)).DefaultValueSql = "CURRENT_TIMESTAMP";
            Shoppers.Keys.Add(new KeyModel(new[] { "Id" }, isPrimary: true));

            Purchases = Model.AddEntity(BudgetSchema.Table("Store.Purchase", "Purchases"));
            Purchases.AddProperty(BudgetSchema.Column("Id", ClrTypeNames.Int32, "INTEGER", nullable: false));
            Purchases.AddProperty(BudgetSchema.Column("ShopperId", ClrTypeNames.Int32, "INTEGER", nullable: false));
            Purchases.Keys.Add(new KeyModel(new[] { "Id" }, isPrimary: true));
            Purchases.ForeignKeys.Add(new ForeignKeyModel(new[] { "ShopperId" }, "Store.Shopper", new[] { "Id" }) { DeleteBehavior = DeleteBehaviorKind.Cascade, IsRequired = true });
            Purchases.Indexes.Add(new IndexModel(new[] { "ShopperId" }) { Name = "IX_Purchases_ShopperId" });

            Database = new DatabaseSchema(DatabaseProvider.Sqlite, "main", "store.db");
            ShoppersTable = Database.AddTable(new DatabaseTable("main", "Shoppers"));
            ShoppersTable.Columns.Add(new DatabaseColumn("Id", "INTEGER", false) { IsIdentity = true });
            ShoppersTable.Columns.Add(new DatabaseColumn("Email", "TEXT", false));
            ShoppersTable.Columns.Add(new DatabaseColumn("CreatedAt", "TEXT", false) { DefaultSql = "CURRENT_TIMESTAMP" });
            ShoppersTable.PrimaryKey = new DatabaseKeyConstraint("PK_Shoppers", new[] { "Id" }, isPrimary: true);

            PurchasesTable = Database.AddTable(new DatabaseTable("main", "Purchases"));
            PurchasesTable.Columns.Add(new DatabaseColumn("Id", "INTEGER", false) { IsIdentity = true });
            PurchasesTable.Columns.Add(new DatabaseColumn("ShopperId", "INTEGER", false));
            PurchasesTable.PrimaryKey = new DatabaseKeyConstraint("PK_Purchases", new[] { "Id" }, isPrimary: true);
            PurchasesTable.ForeignKeys.Add(new DatabaseForeignKey("FK_Purchases_Shoppers_ShopperId", new[] { "ShopperId" }, "main", "Shoppers", new[] { "Id" }) { OnDelete = "CASCADE" });
            PurchasesTable.Indexes.Add(new DatabaseIndex("IX_Purchases_ShopperId", new[] { "ShopperId" }, isUnique: false) { Method = "btree" });
        }

        public SchemaModel Model { get; }
        public EntityTypeModel Shoppers { get; }
        public EntityTypeModel Purchases { get; }
        public DatabaseSchema Database { get; }
        public DatabaseTable ShoppersTable { get; }
        public DatabaseTable PurchasesTable { get; }

        public IReadOnlyList<Finding> DatabaseFindings()
        {
            Model.LiveDatabase = Database;
            return SchemaLintEngine.Default.Analyze(Model).Where(f => f.RuleId.StartsWith("SL6", StringComparison.Ordinal)).ToList();
        }

        public void ReplaceColumn(DatabaseTable table, DatabaseColumn column) => table.Columns[table.Columns.FindIndex(c => c.Name == column.Name)] = column;
    }

    [Fact]
    public void An_intact_schema_gives_no_findings()
    {
        Assert.Empty(new Store().DatabaseFindings());
    }

    [Fact]
    public void SL6001_creates_the_index_without_CONCURRENTLY_which_SQLite_does_not_have()
    {
        var store = new Store();
        store.PurchasesTable.Indexes.Clear();

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.Equal("CREATE INDEX \"IX_Purchases_ShopperId\" ON main.\"Purchases\" (\"ShopperId\");", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6002_says_a_foreign_key_needs_a_rebuild_rather_than_writing_ALTER_TABLE_ADD_CONSTRAINT()
    {
        var store = new Store();
        store.PurchasesTable.ForeignKeys.Clear();

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.Equal("SL6002", finding.RuleId);
        Assert.StartsWith("SQLite cannot add a foreign key to an existing table; add a migration for it, which EF Core writes as a rebuild of the table",
            finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6003_is_silent_when_the_declared_type_has_the_models_affinity()
    {
        var store = new Store();
        store.ReplaceColumn(store.ShoppersTable, new DatabaseColumn("Email", "varchar(254)", false));

        Assert.Empty(store.DatabaseFindings());
    }

    [Fact]
    public void SL6003_fires_when_the_affinity_differs_and_says_the_column_needs_a_rebuild()
    {
        var store = new Store();
        store.ReplaceColumn(store.ShoppersTable, new DatabaseColumn("Email", "NUMERIC", false));

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.Contains("is NUMERIC in the database but TEXT in the model", finding.Message);
        Assert.StartsWith("SQLite cannot alter a column of an existing table", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6003_on_nullability_says_the_column_needs_a_rebuild_rather_than_SET_NOT_NULL()
    {
        var store = new Store();
        store.ReplaceColumn(store.ShoppersTable, new DatabaseColumn("Email", "TEXT", true));

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.DoesNotContain("SET NOT NULL", finding.Properties[FindingProperties.FixSql]);
        Assert.StartsWith("SQLite cannot alter a column of an existing table", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6005_says_a_missing_default_needs_a_rebuild_rather_than_SET_DEFAULT()
    {
        var store = new Store();
        store.ReplaceColumn(store.ShoppersTable, new DatabaseColumn("CreatedAt", "TEXT", false));

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.Equal("SL6005", finding.RuleId);
        Assert.StartsWith("SQLite cannot give a default to a column of an existing table", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6004_says_a_missing_primary_key_needs_a_rebuild()
    {
        var store = new Store();
        store.ShoppersTable.PrimaryKey = null;

        var finding = Assert.Single(store.DatabaseFindings());

        Assert.Equal("SL6004", finding.RuleId);
        Assert.StartsWith("SQLite cannot add a primary key to an existing table", finding.Properties[FindingProperties.FixSql]);
    }
}
