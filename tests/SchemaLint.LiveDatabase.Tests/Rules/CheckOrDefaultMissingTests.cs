using SchemaLint.Core.Engine;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class CheckOrDefaultMissingTests
{
    private const string Rule = "SL6005";

    [Fact]
    public void Fires_when_the_check_constraint_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.CheckConstraints.Clear();

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("CK_Expenses_Amount", finding.MemberName);
        Assert.Equal(
            "ALTER TABLE public.\"Expenses\" ADD CONSTRAINT \"CK_Expenses_Amount\" CHECK (\"Amount\" > 0) NOT VALID; ALTER TABLE public.\"Expenses\" VALIDATE CONSTRAINT \"CK_Expenses_Amount\";",
            finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_a_sql_default_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Columns[3] = new DatabaseColumn("CreatedAt", "timestamp with time zone", false);

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("CreatedAt", finding.MemberName);
        Assert.Equal("ALTER TABLE public.\"Users\" ALTER COLUMN \"CreatedAt\" SET DEFAULT now();", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_a_constant_default_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Columns[3] = new DatabaseColumn("Status", "text", false);

        Assert.Equal("ALTER TABLE public.\"Expenses\" ALTER COLUMN \"Status\" SET DEFAULT 'open';", Assert.Single(budget.Findings(Rule)).Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Silent_when_the_database_spells_the_default_its_own_way()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Columns[3].DefaultSql = "CURRENT_TIMESTAMP";

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_a_check_constraint_has_the_same_name_but_other_words()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.CheckConstraints[0] = new DatabaseCheckConstraint("CK_Expenses_Amount", "(\"Amount\" > 0.00)");

        Assert.Empty(budget.Findings(Rule));
    }
}
