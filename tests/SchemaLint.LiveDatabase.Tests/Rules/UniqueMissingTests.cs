using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class UniqueMissingTests
{
    private const string Rule = "SL6004";

    [Fact]
    public void Fires_when_the_unique_index_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Indexes.RemoveAll(i => i.Name == "IX_Users_Email");

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("IX_Users_Email", finding.MemberName);
        Assert.Equal("Email", finding.Properties[FindingProperties.Column]);
        Assert.Equal("CREATE UNIQUE INDEX CONCURRENTLY \"IX_Users_Email\" ON public.\"Users\" (\"Email\");", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_the_index_exists_but_is_not_unique()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Indexes.RemoveAll(i => i.Name == "IX_Users_Email");
        budget.UsersTable.Indexes.Add(new DatabaseIndex("IX_Users_Email", new[] { "Email" }, isUnique: false));

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_the_primary_key_is_missing()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.PrimaryKey = null;
        budget.UsersTable.Indexes.RemoveAll(i => i.IsPrimaryKey);

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Contains("primary key", finding.Message);
        Assert.Equal("ALTER TABLE public.\"Users\" ADD CONSTRAINT \"PK_Users\" PRIMARY KEY (\"Id\");", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Silent_when_a_unique_constraint_enforces_the_index()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Indexes.RemoveAll(i => i.Name == "IX_Users_Email");
        budget.UsersTable.UniqueConstraints.Add(new DatabaseKeyConstraint("users_email_key", new[] { "Email" }, isPrimary: false));

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_only_a_partial_index_backs_a_full_unique_index()
    {
        var budget = new BudgetSchema();
        budget.UsersTable.Indexes.Single(i => i.Name == "IX_Users_Email").Predicate = "(\"Name\" IS NOT NULL)";

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_a_partial_index_backs_a_filtered_unique_index()
    {
        var budget = new BudgetSchema();
        budget.Users.Indexes.Single().Filter = "\"Name\" IS NOT NULL";
        budget.UsersTable.Indexes.Single(i => i.Name == "IX_Users_Email").Predicate = "(\"Name\" IS NOT NULL)";

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Names_the_filter_in_the_fix_for_a_filtered_unique_index()
    {
        var budget = new BudgetSchema();
        budget.Users.Indexes.Single().Filter = "\"Name\" IS NOT NULL";
        budget.UsersTable.Indexes.RemoveAll(i => i.Name == "IX_Users_Email");

        Assert.EndsWith("(\"Email\") WHERE \"Name\" IS NOT NULL;", Assert.Single(budget.Findings(Rule)).Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_an_alternate_key_is_missing()
    {
        var budget = new BudgetSchema();
        budget.Users.Keys.Add(new KeyModel(new[] { "Name" }, isPrimary: false));

        Assert.Equal("ALTER TABLE public.\"Users\" ADD CONSTRAINT \"AK_Users_Name\" UNIQUE (\"Name\");", Assert.Single(budget.Findings(Rule)).Properties[FindingProperties.FixSql]);
    }
}
