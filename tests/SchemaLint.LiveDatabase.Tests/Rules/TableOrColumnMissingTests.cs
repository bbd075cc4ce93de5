using SchemaLint.Core.Engine;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class TableOrColumnMissingTests
{
    private const string Rule = "SL6006";

    [Fact]
    public void Fires_when_a_table_is_missing_and_names_the_pending_migration()
    {
        var budget = new BudgetSchema();
        var database = Copy(budget, without: "Expenses");
        database.Migrations = new MigrationHistory("__EFMigrationsHistory",
            new[] { "20260101000000_Init", "20260102000000_Users", "20260103000000_Names" },
            new[] { "20260101000000_Init", "20260102000000_Users", "20260103000000_Names", "20260104000000_Expenses" });
        budget.Model.LiveDatabase = database;

        var finding = Assert.Single(Findings(budget));

        Assert.Equal("Budget.Expense", finding.EntityName);
        Assert.Contains("table public.\"Expenses\"", finding.Message);
        Assert.Contains("3 migrations applied, latest 20260103000000_Names; 1 pending (20260104000000_Expenses): pending migrations?", finding.Message);
    }

    [Fact]
    public void Says_when_the_database_has_no_migrations_history()
    {
        var budget = new BudgetSchema();
        budget.Model.LiveDatabase = Copy(budget, without: "Expenses");

        Assert.Contains("no migrations history table", Assert.Single(Findings(budget)).Message);
    }

    [Fact]
    public void Offers_the_create_table_statement_for_a_missing_table()
    {
        var budget = new BudgetSchema();
        budget.Model.LiveDatabase = Copy(budget, without: "Expenses");

        Assert.Equal(
            "CREATE TABLE public.\"Expenses\" (\"Id\" integer NOT NULL, \"UserId\" integer NOT NULL, \"Amount\" numeric(18,2) NOT NULL, \"Status\" text DEFAULT 'open' NOT NULL, CONSTRAINT \"PK_Expenses\" PRIMARY KEY (\"Id\"));",
            Assert.Single(Findings(budget)).Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_a_column_is_missing()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Columns.RemoveAll(c => c.Name == "Status");

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("Status", finding.MemberName);
        Assert.Equal("ALTER TABLE public.\"Expenses\" ADD COLUMN \"Status\" text DEFAULT 'open' NOT NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Reports_a_table_shared_by_several_entity_types_once()
    {
        var budget = new BudgetSchema();
        var admin = budget.Model.AddEntity(BudgetSchema.Table("Budget.Admin", "Expenses"));
        admin.BaseTypeName = "Budget.Expense";
        budget.Model.LiveDatabase = Copy(budget, without: "Expenses");

        Assert.Single(Findings(budget));
    }

    private static IReadOnlyList<Finding> Findings(BudgetSchema budget) =>
        SchemaLintEngine.Default.Analyze(budget.Model).Where(f => f.RuleId == Rule).ToList();

    private static DatabaseSchema Copy(BudgetSchema budget, string without)
    {
        var database = new DatabaseSchema(budget.Database.Provider, budget.Database.DefaultSchema, budget.Database.DatabaseName);
        foreach (var table in budget.Database.Tables.Where(t => t.Name != without)) database.AddTable(table);
        return database;
    }
}
