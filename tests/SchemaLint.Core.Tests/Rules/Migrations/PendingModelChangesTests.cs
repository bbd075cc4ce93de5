using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class PendingModelChangesTests
{
    private const string Id = RuleIds.PendingModelChanges;

    [Fact]
    public void Fires_when_the_model_differs_from_the_last_snapshot_and_lists_the_changes()
    {
        var finding = Assert.Single(History.PostgreSqlShop().PendingChanges("AddColumn Customers.Phone").Lint(Id));

        Assert.StartsWith("The model of ShopContext differs from the snapshot of the last migration, 20240101000000_Initial (AddColumn Customers.Phone)", finding.Message);
        Assert.Equal("20240101000000_Initial", finding.Properties["Migration"]);
    }

    [Fact]
    public void Stays_silent_when_the_model_matches_the_snapshot()
    {
        Assert.Empty(History.PostgreSqlShop().PendingChanges().Lint(Id));
    }

    [Fact]
    public void Stays_silent_when_the_front_end_cannot_tell()
    {
        Assert.Empty(History.PostgreSqlShop().Lint(Id));
    }

    [Fact]
    public void Is_marked_as_needing_the_model_EF_Core_builds()
    {
        var rule = RuleCatalog.Get(Id);

        Assert.True(rule.RequiresBuiltModel);
        Assert.True(rule.RequiresMigrations);
    }
}
