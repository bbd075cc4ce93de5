using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Timestamps;

public class LocalTimeInTimestampTests
{
    private const string Id = RuleIds.LocalTimeInTimestamp;

    [Fact]
    public void Fires_at_each_place_local_time_flows_in()
    {
        var findings = Schema.PostgreSql().FromSource()
            .Entity("Expense", e => e.Key("Id").Timestamps().Property<DateTime>("SpentOn", p => p.LocalTimeWriteAt(14).LocalTimeWriteAt(30)))
            .Lint(Id);

        Assert.Equal(new[] { Code.Line(14), Code.Line(30) }, findings.Select(f => f.Location));
        Assert.All(findings, f => Assert.Equal("SpentOn", f.MemberName));
        Assert.Equal("Local time flows into 'Expense.SpentOn'; use DateTime.UtcNow (Npgsql rejects local times for timestamptz, and every reader in another time zone misreads them)", findings[0].Message);
    }

    [Fact]
    public void Is_silent_without_local_time_writes()
    {
        Assert.Empty(Schema.PostgreSql().FromSource().Entity("Expense", e => e.Key("Id").Timestamps()).Lint(Id));
    }

    [Fact]
    public void Does_not_run_when_no_source_was_seen()
    {
        var findings = Schema.PostgreSql().Entity("Expense", e => e.Key("Id").Property<DateTime>("SpentOn", p => p.LocalTimeWriteAt(14))).Lint(Id);

        Assert.Empty(findings);
    }
}
