using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>
/// The database check on SQLite files EF Core created, then broken the ways hand-written SQL breaks them. SQLite cannot add a
/// constraint to a table or alter a column, so those fixes are EF Core's table rebuild; applied, they leave the file as EF made it.
/// </summary>
public class SqliteDatabaseTests
{
    /// <summary>The tables as EnsureCreated wrote them, for tests that recreate one by hand without a piece.</summary>
    private const string ShoppersTable = """CREATE TABLE "Shoppers" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Shoppers" PRIMARY KEY AUTOINCREMENT, "Email" TEXT NOT NULL, "Name" TEXT NOT NULL, "CreatedAt" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP))""";

    private static void Recreate(StoreDatabase database, string table, string createTable, params string[] indexes) =>
        database.Execute($"""
            CREATE TABLE "old" AS SELECT * FROM "{table}";
            DROP TABLE "{table}";
            {createTable};
            INSERT INTO "{table}" SELECT * FROM "old";
            DROP TABLE "old";
            {string.Concat(indexes.Select(i => i + ";"))}
            """);

    private static void AssertMendedBackToWhatEfCreated(StoreDatabase database, string breakingSql, params string[] expectedRules)
    {
        var created = database.Definitions();
        database.Execute(breakingSql);
        var findings = database.DatabaseFindings();
        Assert.Equal(expectedRules.Order(), findings.Select(f => f.RuleId).Order());

        foreach (var finding in findings) database.Execute(finding.Properties[FindingProperties.FixSql]);

        Assert.Empty(database.DatabaseFindings());
        Assert.Equal(string.Join(Environment.NewLine, created), string.Join(Environment.NewLine, database.Definitions()));
    }

    [Fact]
    public void An_intact_database_gives_no_database_findings()
    {
        using var database = new StoreDatabase();

        Assert.Empty(database.DatabaseFindings());
    }

    [Fact]
    public void The_check_reads_the_file_as_a_SQLite_database_in_its_main_schema()
    {
        using var database = new StoreDatabase();

        var live = database.Audit().Model.LiveDatabase!;

        Assert.Equal(DatabaseProvider.Sqlite, live.Provider);
        Assert.Equal("store.db", live.DatabaseName);
        Assert.Equal(["Purchases", "Shoppers"], live.Tables.Select(t => t.Name).Order());
        Assert.All(live.Tables, t => Assert.Equal("main", t.Schema));
    }

    [Fact]
    public void The_check_reads_names_keys_and_constraints_SQLite_keeps_only_in_the_create_statement()
    {
        using var database = new StoreDatabase();

        var purchases = database.Audit().Model.LiveDatabase!.FindTable(null, "Purchases")!;

        Assert.Equal("PK_Purchases", purchases.PrimaryKey!.Name);
        Assert.True(purchases.FindColumn("Id")!.IsIdentity);
        var foreignKey = Assert.Single(purchases.ForeignKeys);
        Assert.Equal(("FK_Purchases_Shoppers_ShopperId", "Shoppers", "CASCADE"), (foreignKey.Name, foreignKey.PrincipalTable, foreignKey.OnDelete));
        Assert.Equal(["ShopperId"], foreignKey.Columns);
        Assert.Equal(["Id"], foreignKey.PrincipalColumns);
        var check = Assert.Single(purchases.CheckConstraints);
        Assert.Equal(("CK_Purchases_Total", "\"Total\" >= 0"), (check.Name, check.Expression));
        Assert.Equal("'new'", purchases.FindColumn("Status")!.DefaultSql);
    }

    [Fact]
    public void SL6001_fires_when_the_foreign_key_index_is_dropped_and_its_fix_is_a_plain_create_index()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP INDEX \"IX_Purchases_ShopperId\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6001", finding.RuleId);
        Assert.Equal("CREATE INDEX \"IX_Purchases_ShopperId\" ON \"Purchases\" (\"ShopperId\");", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6001_is_mended_by_its_fix()
    {
        using var database = new StoreDatabase();

        AssertMendedBackToWhatEfCreated(database, "DROP INDEX \"IX_Purchases_ShopperId\"", "SL6001");
    }

    [Fact]
    public void SL6001_on_a_table_EF_does_not_map_writes_its_own_index_without_CONCURRENTLY()
    {
        using var database = new StoreDatabase();
        database.Execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, shopper_id INTEGER NOT NULL REFERENCES \"Shoppers\" (\"Id\"))");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("CREATE INDEX ix_audit_log_shopper_id ON main.audit_log (shopper_id);", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6002_fires_on_a_table_rebuilt_without_its_foreign_key_and_its_fix_is_EF_Cores_table_rebuild()
    {
        using var database = new StoreDatabase();
        Recreate(database, "Purchases", """CREATE TABLE "Purchases" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT, "ShopperId" INTEGER NOT NULL, "Total" TEXT NOT NULL, "Status" TEXT NOT NULL DEFAULT 'new', "Note" TEXT NULL, CONSTRAINT "CK_Purchases_Total" CHECK ("Total" >= 0))""",
            """CREATE INDEX "IX_Purchases_ShopperId" ON "Purchases" ("ShopperId")""");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6002", finding.RuleId);
        var fix = finding.Properties[FindingProperties.FixSql];
        Assert.StartsWith("/* SQLite cannot add a foreign key to an existing table; EF Core's migration rebuilds the table: */ ", fix);
        Assert.Contains("CREATE TABLE \"ef_temp_Purchases\"", fix);
        Assert.Contains("CONSTRAINT \"FK_Purchases_Shoppers_ShopperId\" FOREIGN KEY (\"ShopperId\") REFERENCES \"Shoppers\" (\"Id\") ON DELETE CASCADE", fix);
        Assert.Contains("ALTER TABLE \"ef_temp_Purchases\" RENAME TO \"Purchases\";", fix);
        Assert.DoesNotContain("NOT VALID", fix);
    }

    [Fact]
    public void SL6002_is_mended_by_EF_Cores_table_rebuild_back_to_what_EF_created()
    {
        using var database = new StoreDatabase();
        database.Execute("INSERT INTO \"Shoppers\" (\"Email\", \"Name\") VALUES ('a@example.com', 'A'); INSERT INTO \"Purchases\" (\"ShopperId\", \"Total\", \"Status\") VALUES (1, '9.50', 'paid')");

        AssertMendedBackToWhatEfCreated(database, $"""
            CREATE TABLE "old" AS SELECT * FROM "Purchases";
            DROP TABLE "Purchases";
            CREATE TABLE "Purchases" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT, "ShopperId" INTEGER NOT NULL, "Total" TEXT NOT NULL, "Status" TEXT NOT NULL DEFAULT 'new', "Note" TEXT NULL, CONSTRAINT "CK_Purchases_Total" CHECK ("Total" >= 0));
            INSERT INTO "Purchases" SELECT * FROM "old";
            DROP TABLE "old";
            CREATE INDEX "IX_Purchases_ShopperId" ON "Purchases" ("ShopperId");
            """, "SL6002");
    }

    [Fact]
    public void The_rebuild_keeps_the_rows()
    {
        using var database = new StoreDatabase();
        database.Execute("INSERT INTO \"Shoppers\" (\"Email\", \"Name\") VALUES ('a@example.com', 'A'); INSERT INTO \"Purchases\" (\"ShopperId\", \"Total\", \"Status\", \"Note\") VALUES (1, '9.50', 'paid', 'gift')");
        database.Execute("""
            CREATE TABLE "old" AS SELECT * FROM "Purchases";
            DROP TABLE "Purchases";
            CREATE TABLE "Purchases" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT, "ShopperId" INTEGER NOT NULL, "Total" TEXT NOT NULL, "Status" TEXT NOT NULL DEFAULT 'new', "Note" TEXT NULL);
            INSERT INTO "Purchases" SELECT * FROM "old";
            DROP TABLE "old";
            """);
        foreach (var finding in database.DatabaseFindings()) database.Execute(finding.Properties[FindingProperties.FixSql]);

        using var context = database.CreateContext();
        var purchase = Assert.Single(context.Purchases);
        Assert.Equal((1, 9.50m, "paid", "gift"), (purchase.ShopperId, purchase.Total, purchase.Status, purchase.Note));
    }

    [Fact]
    public void SL6003_fires_on_a_required_column_made_nullable_and_its_fix_rebuilds_the_table()
    {
        using var database = new StoreDatabase();

        AssertMendedBackToWhatEfCreated(database, $"""
            CREATE TABLE "old" AS SELECT * FROM "Shoppers";
            DROP TABLE "Shoppers";
            {ShoppersTable.Replace("\"Name\" TEXT NOT NULL", "\"Name\" TEXT NULL")};
            INSERT INTO "Shoppers" SELECT * FROM "old";
            DROP TABLE "old";
            CREATE UNIQUE INDEX "IX_Shoppers_Email" ON "Shoppers" ("Email");
            """, "SL6003");
    }

    [Fact]
    public void SL6003_compares_SQLite_type_affinities_not_spellings()
    {
        using var database = new StoreDatabase();
        Recreate(database, "Shoppers", ShoppersTable.Replace("\"Email\" TEXT NOT NULL", "\"Email\" varchar(254) NOT NULL").Replace("\"Name\" TEXT NOT NULL", "\"Name\" NUMERIC NOT NULL"),
            """CREATE UNIQUE INDEX "IX_Shoppers_Email" ON "Shoppers" ("Email")""");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal(("SL6003", "Name"), (finding.RuleId, finding.MemberName));
        Assert.Contains("is NUMERIC in the database but TEXT in the model", finding.Message);
    }

    [Fact]
    public void SL6004_fires_when_the_unique_index_is_not_unique_and_its_fix_creates_it_plainly()
    {
        using var database = new StoreDatabase();
        database.Execute("DROP INDEX \"IX_Shoppers_Email\"; CREATE INDEX \"IX_Shoppers_Email_lookup\" ON \"Shoppers\" (\"Email\")");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6004", finding.RuleId);
        Assert.Equal("CREATE UNIQUE INDEX \"IX_Shoppers_Email\" ON \"Shoppers\" (\"Email\");", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6005_fires_on_a_missing_check_constraint_and_its_fix_rebuilds_the_table()
    {
        using var database = new StoreDatabase();

        AssertMendedBackToWhatEfCreated(database, """
            CREATE TABLE "old" AS SELECT * FROM "Purchases";
            DROP TABLE "Purchases";
            CREATE TABLE "Purchases" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY AUTOINCREMENT, "ShopperId" INTEGER NOT NULL, "Total" TEXT NOT NULL, "Status" TEXT NOT NULL DEFAULT 'new', "Note" TEXT NULL, CONSTRAINT "FK_Purchases_Shoppers_ShopperId" FOREIGN KEY ("ShopperId") REFERENCES "Shoppers" ("Id") ON DELETE CASCADE);
            INSERT INTO "Purchases" SELECT * FROM "old";
            DROP TABLE "old";
            CREATE INDEX "IX_Purchases_ShopperId" ON "Purchases" ("ShopperId");
            """, "SL6005");
    }

    [Fact]
    public void SL6005_fires_on_a_missing_default_and_its_fix_rebuilds_the_table()
    {
        using var database = new StoreDatabase();

        AssertMendedBackToWhatEfCreated(database, $"""
            CREATE TABLE "old" AS SELECT * FROM "Shoppers";
            DROP TABLE "Shoppers";
            {ShoppersTable.Replace(" DEFAULT (CURRENT_TIMESTAMP)", "")};
            INSERT INTO "Shoppers" SELECT * FROM "old";
            DROP TABLE "old";
            CREATE UNIQUE INDEX "IX_Shoppers_Email" ON "Shoppers" ("Email");
            """, "SL6005");
    }

    [Fact]
    public void SL6006_recreates_a_dropped_table_as_EF_created_it()
    {
        using var database = new StoreDatabase();

        AssertMendedBackToWhatEfCreated(database, "DROP TABLE \"Purchases\"", "SL6006");
    }

    [Fact]
    public void SL6006_adds_a_dropped_column_with_ALTER_TABLE_ADD_which_SQLite_supports()
    {
        using var database = new StoreDatabase();
        database.Execute("ALTER TABLE \"Purchases\" DROP COLUMN \"Note\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6006", finding.RuleId);
        Assert.EndsWith("ALTER TABLE \"Purchases\" ADD \"Note\" TEXT NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void SL6006_names_the_migrations_the_history_table_records()
    {
        using var database = new StoreDatabase();
        database.Execute("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20260101000000_Init', '10.0.14');
            DROP TABLE "Purchases";
            """);

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Contains("1 migration applied (20260101000000_Init)", finding.Message);
    }
}
