using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class ForeignKeyMissingTests
{
    private const string Rule = "SL6002";

    [Fact]
    public void Fires_when_the_constraint_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.ForeignKeys.Clear();

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("User", finding.MemberName);
        Assert.Equal("UserId", finding.Properties[FindingProperties.Column]);
        Assert.Equal(
            "ALTER TABLE public.\"Expenses\" ADD CONSTRAINT \"FK_Expenses_Users_UserId\" FOREIGN KEY (\"UserId\") REFERENCES public.\"Users\" (\"Id\") ON DELETE CASCADE NOT VALID; "
            + "ALTER TABLE public.\"Expenses\" VALIDATE CONSTRAINT \"FK_Expenses_Users_UserId\";",
            finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_the_constraint_points_at_another_table()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.ForeignKeys.Clear();
        budget.ExpensesTable.ForeignKeys.Add(new Core.Model.Database.DatabaseForeignKey("fk_other", new[] { "UserId" }, "archive", "Users", new[] { "Id" }));

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_the_principal_is_a_view()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.ForeignKeys.Clear();
        budget.Users.Mapping = TableMappingKind.View;

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_dependent_and_principal_share_a_table()
    {
        var budget = new BudgetSchema();
        var profile = budget.Model.AddEntity(BudgetSchema.Table("Budget.UserProfile", "Users"));
        profile.IsOwned = true;
        profile.AddProperty(BudgetSchema.Column("UserId", ClrTypeNames.Int32, "integer", nullable: false)).ColumnName = "Id";
        profile.ForeignKeys.Add(new ForeignKeyModel(new[] { "UserId" }, "Budget.User", new[] { "Id" }) { IsOwnership = true });

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_the_principal_hierarchy_is_mapped_table_per_concrete_type()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.ForeignKeys.Clear();
        budget.Users.InheritanceStrategy = InheritanceStrategy.Tpc;

        Assert.Empty(budget.Findings(Rule));
    }
}
