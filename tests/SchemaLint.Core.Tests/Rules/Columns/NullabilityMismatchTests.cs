using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class NullabilityMismatchTests
{
    private const string Id = RuleIds.NullabilityMismatch;

    private static SchemaBuilder User(Action<PropertyBuilder> name) =>
        Schema.PostgreSql().Entity("User", e => e.Key("Id").Property<string>("Nickname", name));

    [Fact]
    public void Fires_on_a_nullable_string_configured_required()
    {
        var finding = Expect.Single(User(p => p.Nullable().Required()).Lint(Id), Id, "User", "Nickname");

        Assert.Equal("'User.Nickname' is declared nullable but configured required; the code and the database disagree about whether it can be null", finding.Message);
    }

    [Fact]
    public void Fires_on_a_non_nullable_string_configured_optional()
    {
        var finding = Expect.Single(User(p => p.Optional()).Lint(Id), Id, "User", "Nickname");

        Assert.Contains("is declared non-nullable but configured optional", finding.Message);
    }

    [Fact]
    public void Points_at_the_configuration_when_the_front_end_knows_it()
    {
        var finding = Assert.Single(User(p => p.At(3).Optional().Set(m => m.DeclaredRequiredness = Model.Fact<Model.DeclaredRequiredness>.Known(Model.DeclaredRequiredness.Optional, Code.Line(40)))).Lint(Id));

        Assert.Equal(Code.Line(40), finding.Location);
    }

    [Fact]
    public void Is_silent_when_both_say_nullable()
    {
        Assert.Empty(User(p => p.Nullable().Optional()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_both_say_required()
    {
        Assert.Empty(User(p => p.Required()).Lint(Id));
    }

    [Fact]
    public void Is_silent_in_nullable_oblivious_code()
    {
        var findings = Schema.PostgreSql().NullableOblivious().Entity("User", e => e.Key("Id").Property<string>("Nickname", p => p.Required())).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_annotation_is_unknown()
    {
        Assert.Empty(User(p => p.Optional().UnknownReferenceNullability()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_what_the_code_declared_is_unknown()
    {
        Assert.Empty(User(p => p.Nullable().UnknownDeclaredRequiredness()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_value_types()
    {
        var findings = Schema.PostgreSql().Entity("User", e => e.Key("Id").Property<int?>("Age", p => p.Required())).Lint(Id);

        Assert.Empty(findings);
    }
}
