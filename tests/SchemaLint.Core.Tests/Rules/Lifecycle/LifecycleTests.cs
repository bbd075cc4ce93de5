using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Lifecycle;

public class EnsureCreatedOutsideTestsTests
{
    private const string Id = RuleIds.EnsureCreatedOutsideTests;

    [Fact]
    public void Fires_on_EnsureCreated_in_application_code()
    {
        var finding = Assert.Single(Schema.PostgreSql().FromSource().EnsureCreatedCall(line: 8).Lint(Id));

        Assert.Equal("Database.EnsureCreated() creates the schema once and never evolves it; use migrations (Database.Migrate()) outside tests", finding.Message);
        Assert.Equal(Code.Line(8), finding.Location);
        Assert.Null(finding.EntityName);
    }

    [Fact]
    public void Names_the_async_call()
    {
        var finding = Assert.Single(Schema.PostgreSql().FromSource().EnsureCreatedCall(line: 8, isAsync: true).Lint(Id));

        Assert.StartsWith("Database.EnsureCreatedAsync()", finding.Message);
    }

    [Fact]
    public void Is_silent_in_a_test_project()
    {
        Assert.Empty(Schema.PostgreSql().FromSource().TestProject().EnsureCreatedCall(line: 8).Lint(Id));
    }

    [Fact]
    public void Does_not_run_when_no_source_was_seen()
    {
        Assert.Empty(Schema.PostgreSql().EnsureCreatedCall(line: 8).Lint(Id));
    }
}

public class DbContextNotDisposedTests
{
    private const string Id = RuleIds.DbContextNotDisposed;

    [Fact]
    public void Fires_on_an_undisposed_context()
    {
        var finding = Assert.Single(Schema.PostgreSql().FromSource().UndisposedContext("BudgetContext", line: 21).Lint(Id));

        Assert.Equal("'BudgetContext' is created here but neither disposed nor handed on; its connection and change tracker outlive the work", finding.Message);
        Assert.Equal("BudgetContext", finding.MemberName);
        Assert.Equal(Code.Line(21), finding.Location);
    }

    [Fact]
    public void Is_silent_when_every_context_is_disposed()
    {
        Assert.Empty(Schema.PostgreSql().FromSource().Lint(Id));
    }

    [Fact]
    public void Does_not_run_when_no_source_was_seen()
    {
        Assert.Empty(Schema.PostgreSql().UndisposedContext("BudgetContext", line: 21).Lint(Id));
    }
}
