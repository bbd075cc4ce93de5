using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class TableWithoutPrimaryKeyTests
{
    private const string Id = RuleIds.TableWithoutPrimaryKey;

    [Fact]
    public void Fires_on_a_keyless_entity_mapped_to_a_table()
    {
        var findings = Schema.PostgreSql().Entity("AuditEntry", e => e.Keyless().ToTable("audit_entries").At(12)).Lint(Id);

        var finding = Expect.Single(findings, Id, "AuditEntry", null);
        Assert.Equal("'AuditEntry' is keyless but mapped to table 'audit_entries'; rows cannot be identified, updated or deleted one at a time, and duplicates go unnoticed", finding.Message);
        Assert.Equal(Code.Line(12), finding.Location);
    }

    [Fact]
    public void Is_silent_on_an_entity_with_a_key()
    {
        Assert.Empty(Schema.PostgreSql().Entity("AuditEntry", e => e.Key("Id")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_keylessness_is_unknown()
    {
        Assert.Empty(Schema.PostgreSql().Entity("AuditEntry", e => e.UnknownKeyless()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_mapping_is_unknown()
    {
        Assert.Empty(Schema.PostgreSql().Entity("AuditEntry", e => e.Keyless().UnknownMapping()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_keyless_owned_type()
    {
        Assert.Empty(Schema.PostgreSql().Entity("Order", e => e.Key("Id")).Entity("Address", e => e.Keyless().OwnedBy("Order")).Lint(Id));
    }
}
