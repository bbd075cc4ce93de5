using SchemaLint.Core.Engine;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>The budget tracker's database as EnsureCreated makes it, then broken the ways hand-written SQL breaks databases.</summary>
public class BudgetDatabaseTests
{
    [PostgresFact]
    public void An_intact_database_gives_no_database_findings()
    {
        using var database = new BudgetDatabase();

        Assert.Empty(database.DatabaseFindings());
    }

    [PostgresFact]
    public void SL6001_fires_when_the_foreign_key_index_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("DROP INDEX \"IX_Expenses_UserId\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6001", finding.RuleId);
        Assert.Equal("BudgetTracker.Reviewed.Model.Expense", finding.EntityName);
        Assert.Equal("public.Expenses", finding.Properties[FindingProperties.Table]);
        Assert.Equal("UserId", finding.Properties[FindingProperties.Column]);
        Assert.Equal("CREATE INDEX CONCURRENTLY \"IX_Expenses_UserId\" ON public.\"Expenses\" (\"UserId\");", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6001_fires_on_an_unindexed_foreign_key_in_a_table_EF_does_not_map()
    {
        using var database = new BudgetDatabase();
        database.Execute("CREATE TABLE audit_log (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES \"Users\" (\"Id\"), note text)");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6001", finding.RuleId);
        Assert.Null(finding.EntityName);
        Assert.Equal("CREATE INDEX CONCURRENTLY ix_audit_log_user_id ON public.audit_log (user_id);", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6001_is_satisfied_by_the_index_its_fix_creates()
    {
        using var database = new BudgetDatabase();
        database.Execute("CREATE TABLE audit_log (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES \"Users\" (\"Id\"))");
        database.Execute(Assert.Single(database.DatabaseFindings()).Properties[FindingProperties.FixSql]);

        Assert.Empty(database.DatabaseFindings());
    }

    [PostgresFact]
    public void SL6002_fires_when_the_foreign_key_constraint_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Expenses\" DROP CONSTRAINT \"FK_Expenses_Users_UserId\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6002", finding.RuleId);
        Assert.Equal("UserId", finding.Properties[FindingProperties.Column]);
        Assert.StartsWith("ALTER TABLE public.\"Expenses\" ADD CONSTRAINT \"FK_Expenses_Users_UserId\" FOREIGN KEY (\"UserId\") REFERENCES public.\"Users\" (\"Id\") ON DELETE CASCADE NOT VALID;",
            finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6002_is_satisfied_by_the_constraint_its_fix_adds()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Expenses\" DROP CONSTRAINT \"FK_Expenses_Categories_CategoryId\"");
        database.Execute(Assert.Single(database.DatabaseFindings()).Properties[FindingProperties.FixSql]);

        Assert.Empty(database.DatabaseFindings());
    }

    [PostgresFact]
    public void SL6003_fires_when_a_required_column_is_made_nullable()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Users\" ALTER COLUMN \"Name\" DROP NOT NULL");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6003", finding.RuleId);
        Assert.Equal("Name", finding.MemberName);
        Assert.Equal("ALTER TABLE public.\"Users\" ALTER COLUMN \"Name\" SET NOT NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6003_fires_when_a_column_is_shortened()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Users\" ALTER COLUMN \"Email\" TYPE varchar(100)");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6003", finding.RuleId);
        Assert.Contains("character varying(100) in the database but character varying(254) in the model", finding.Message);
        Assert.Equal("ALTER TABLE public.\"Users\" ALTER COLUMN \"Email\" TYPE character varying(254);", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6003_fires_when_money_is_stored_as_floating_point()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Expenses\" ALTER COLUMN \"Amount\" TYPE double precision");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("ALTER TABLE public.\"Expenses\" ALTER COLUMN \"Amount\" TYPE numeric(18,2);", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6004_fires_when_the_unique_index_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("DROP INDEX \"IX_Users_Email\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6004", finding.RuleId);
        Assert.Equal("CREATE UNIQUE INDEX CONCURRENTLY \"IX_Users_Email\" ON public.\"Users\" (\"Email\");", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6004_fires_when_the_unique_index_is_replaced_by_a_plain_one()
    {
        using var database = new BudgetDatabase();
        database.Execute("DROP INDEX \"IX_Categories_Name\"; CREATE INDEX \"IX_Categories_Name\" ON \"Categories\" (\"Name\")");

        Assert.Equal("SL6004", Assert.Single(database.DatabaseFindings()).RuleId);
    }

    [PostgresFact]
    public void SL6005_fires_when_the_check_constraint_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Expenses\" DROP CONSTRAINT \"CK_Expense_Amount\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6005", finding.RuleId);
        Assert.StartsWith("ALTER TABLE public.\"Expenses\" ADD CONSTRAINT \"CK_Expense_Amount\" CHECK (\"Amount\" > 0) NOT VALID;", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6005_fires_when_a_default_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Users\" ALTER COLUMN \"CreatedAt\" DROP DEFAULT; ALTER TABLE \"Categories\" ALTER COLUMN \"Color\" DROP DEFAULT");

        var findings = database.DatabaseFindings();

        Assert.All(findings, f => Assert.Equal("SL6005", f.RuleId));
        Assert.Equal(
            new[] { "ALTER TABLE public.\"Categories\" ALTER COLUMN \"Color\" SET DEFAULT '#808080';", "ALTER TABLE public.\"Users\" ALTER COLUMN \"CreatedAt\" SET DEFAULT now();" },
            findings.Select(f => f.Properties[FindingProperties.FixSql]).Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public void SL6005_is_satisfied_by_the_defaults_its_fixes_set()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Users\" ALTER COLUMN \"CreatedAt\" DROP DEFAULT; ALTER TABLE \"Categories\" ALTER COLUMN \"Color\" DROP DEFAULT; ALTER TABLE \"Expenses\" DROP CONSTRAINT \"CK_Expense_Amount\"");
        foreach (var finding in database.DatabaseFindings()) database.Execute(finding.Properties[FindingProperties.FixSql]);

        Assert.Empty(database.DatabaseFindings());
    }

    [PostgresFact]
    public void SL6006_fires_when_a_column_is_dropped()
    {
        using var database = new BudgetDatabase();
        database.Execute("ALTER TABLE \"Expenses\" DROP COLUMN \"Description\"");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6006", finding.RuleId);
        Assert.Equal("Description", finding.MemberName);
        Assert.StartsWith("ALTER TABLE public.\"Expenses\" ADD \"Description\" text NOT NULL", finding.Properties[FindingProperties.FixSql]);
    }

    [PostgresFact]
    public void SL6006_fires_when_a_table_is_dropped_and_names_the_migration_state()
    {
        using var database = new BudgetDatabase();
        database.Execute("""
            DROP TABLE "Expenses";
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20260101000000_Init', '10.0.0'), ('20260102000000_Categories', '10.0.0');
            """);

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6006", finding.RuleId);
        Assert.Contains("table public.\"Expenses\"", finding.Message);
        Assert.Contains("2 migrations applied, latest 20260102000000_Categories: pending migrations?", finding.Message);
        Assert.StartsWith("CREATE TABLE public.\"Expenses\" (", finding.Properties[FindingProperties.FixSql]);
    }
}
