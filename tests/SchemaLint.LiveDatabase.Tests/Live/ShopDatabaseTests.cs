using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

public class ShopDatabaseTests
{
    private static ShopContext Context(ScratchDatabase database) =>
        new(new DbContextOptionsBuilder<ShopContext>().UseNpgsql(database.ConnectionString).Options);

    private static ScratchDatabase Created()
    {
        var database = new ScratchDatabase();
        using var context = Context(database);
        context.Database.EnsureCreated();
        database.Execute("CREATE VIEW product_sales AS SELECT \"ProductId\", sum(\"UnitPrice\" * \"Quantity\") AS \"Revenue\" FROM \"OrderLine\" GROUP BY \"ProductId\"");
        return database;
    }

    private static IReadOnlyList<Finding> DatabaseFindings(ScratchDatabase database)
    {
        using var context = Context(database);
        return LiveDatabaseAudit.Run(context, database.ConnectionString).Findings.Where(f => f.Rule.RequiresDatabase).ToList();
    }

    [PostgresFact]
    public void An_intact_database_with_shared_split_and_json_columns_gives_no_database_findings()
    {
        using var database = Created();

        Assert.Empty(DatabaseFindings(database));
    }

    [PostgresFact]
    public void SL6001_fires_on_the_owned_lines_product_key_once_its_index_is_dropped()
    {
        using var database = Created();
        database.Execute("DROP INDEX \"IX_OrderLine_ProductId\"");

        var finding = Assert.Single(DatabaseFindings(database));

        Assert.Equal("SL6001", finding.RuleId);
        Assert.Equal("CREATE INDEX CONCURRENTLY \"IX_OrderLine_ProductId\" ON public.\"OrderLine\" (\"ProductId\");", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6003_fires_on_a_column_of_a_table_in_another_schema()
    {
        using var database = Created();
        database.Execute("ALTER TABLE crm.customers ALTER COLUMN \"Address_PostalCode\" TYPE varchar(10)");

        var finding = Assert.Single(DatabaseFindings(database));

        Assert.Equal("SL6003", finding.RuleId);
        Assert.Equal("ALTER TABLE crm.customers ALTER COLUMN \"Address_PostalCode\" TYPE character varying(16);", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6004_fires_when_the_filtered_unique_index_loses_its_uniqueness()
    {
        using var database = Created();
        database.Execute("DROP INDEX \"IX_Products_Sku\"; CREATE INDEX \"IX_Products_Sku\" ON \"Products\" (\"Sku\")");

        var finding = Assert.Single(DatabaseFindings(database));

        Assert.Equal("SL6004", finding.RuleId);
        Assert.Equal("CREATE UNIQUE INDEX CONCURRENTLY \"IX_Products_Sku\" ON public.\"Products\" (\"Sku\") WHERE \"DeletedAt\" IS NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6006_recreates_a_table_in_a_dropped_schema_after_EFs_schema_guard()
    {
        using var database = Created();
        var created = TableDefinitions.Read(database.ConnectionString);
        database.Execute("DROP SCHEMA crm CASCADE");

        var findings = DatabaseFindings(database);
        var createTable = Assert.Single(findings, f => f.RuleId == "SL6006").Properties[FindingProperties.FixSql];
        database.Execute(createTable);
        database.Execute(Assert.Single(findings, f => f.RuleId == "SL6002").Properties[FindingProperties.FixSql]);

        Assert.StartsWith("DO $EF$ BEGIN IF NOT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = 'crm') THEN CREATE SCHEMA crm; END IF; END $EF$; CREATE TABLE crm.customers (", createTable);
        Assert.Empty(DatabaseFindings(database));
        Assert.Equal(created, TableDefinitions.Read(database.ConnectionString));
    }

    [PostgresFact]
    public void SL6005_fires_when_an_enum_default_is_dropped()
    {
        using var database = Created();
        database.Execute("ALTER TABLE crm.customers ALTER COLUMN \"Status\" DROP DEFAULT");

        var finding = Assert.Single(DatabaseFindings(database));

        Assert.Equal("SL6005", finding.RuleId);
        Assert.Equal("ALTER TABLE crm.customers ALTER COLUMN \"Status\" SET DEFAULT 0;", finding.Properties[FindingProperties.FixSql]);
    }
}
