using SchemaLint.Core.Engine;
using SchemaLint.Core.Model.Database;
using SchemaLint.Core.Options;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class ForeignKeyNotIndexedTests
{
    private const string Rule = "SL6001";

    [Fact]
    public void Fires_when_the_foreign_key_index_was_dropped()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("Budget.Expense", finding.EntityName);
        Assert.Equal("UserId", finding.MemberName);
        Assert.Equal("public.Expenses", finding.Properties[FindingProperties.Table]);
        Assert.Equal("UserId", finding.Properties[FindingProperties.Column]);
        Assert.Equal("CREATE INDEX CONCURRENTLY \"IX_Expenses_UserId\" ON public.\"Expenses\" (\"UserId\");", finding.Properties[FindingProperties.FixSql]);
        Assert.Contains(finding.Properties[FindingProperties.FixSql], finding.Message);
    }

    [Fact]
    public void Fires_on_a_table_the_model_does_not_map()
    {
        var budget = new BudgetSchema();
        var auditLog = budget.Database.AddTable(new DatabaseTable("public", "audit_log"));
        auditLog.Columns.Add(new DatabaseColumn("id", "bigint", false));
        auditLog.Columns.Add(new DatabaseColumn("user_id", "integer", false));
        auditLog.ForeignKeys.Add(new DatabaseForeignKey("audit_log_user_id_fkey", new[] { "user_id" }, "public", "Users", new[] { "Id" }));
        auditLog.Indexes.Add(new DatabaseIndex("audit_log_pkey", new[] { "id" }, true) { IsPrimaryKey = true });

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Null(finding.EntityName);
        Assert.Equal("user_id", finding.MemberName);
        Assert.Equal("CREATE INDEX CONCURRENTLY ix_audit_log_user_id ON public.audit_log (user_id);", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Silent_when_a_composite_index_leads_with_the_foreign_key()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");
        budget.ExpensesTable.Indexes.Add(new DatabaseIndex("IX_Expenses_UserId_Amount", new[] { "UserId", "Amount" }, false));

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_when_the_leading_columns_hold_a_composite_key_in_another_order()
    {
        var budget = new BudgetSchema();
        var tags = budget.Database.AddTable(new DatabaseTable("public", "expense_tags"));
        tags.ForeignKeys.Add(new DatabaseForeignKey("fk_expense", new[] { "expense_id", "tenant_id" }, "public", "Expenses", new[] { "Id", "TenantId" }));
        tags.Indexes.Add(new DatabaseIndex("expense_tags_pkey", new[] { "tenant_id", "expense_id", "tag" }, true) { IsPrimaryKey = true });

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_the_foreign_key_is_only_the_second_column_of_an_index()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");
        budget.ExpensesTable.Indexes.Add(new DatabaseIndex("IX_Expenses_Amount_UserId", new[] { "Amount", "UserId" }, false));

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_the_only_index_is_partial()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.Single(i => i.Name == "IX_Expenses_UserId").Predicate = "(\"Amount\" > (100)::numeric)";

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_the_only_index_is_invalid()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.Single(i => i.Name == "IX_Expenses_UserId").IsValid = false;

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Fires_when_the_only_index_is_an_expression_index()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");
        budget.ExpensesTable.Indexes.Add(new DatabaseIndex("ix_expr", new string?[] { null }, false));

        Assert.Single(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_on_a_table_the_options_exclude()
    {
        var budget = new BudgetSchema();
        budget.ExpensesTable.Indexes.RemoveAll(i => i.Name == "IX_Expenses_UserId");
        var options = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>("schemalint.exclude_tables", "public.Exp*") });

        Assert.Empty(budget.Findings(Rule, options));
    }
}
