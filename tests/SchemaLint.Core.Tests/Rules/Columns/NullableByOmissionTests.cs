using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class NullableByOmissionTests
{
    private const string Id = RuleIds.NullableByOmission;

    private static SchemaBuilder User(string name, Action<PropertyBuilder>? configure = null) =>
        Schema.PostgreSql().NullableOblivious().Entity("User", e => e.Key("Id").Property<string>(name, configure));

    [Fact]
    public void Fires_on_a_name_nullable_only_because_nullable_reference_types_are_off()
    {
        var finding = Expect.Single(User("Name").Lint(Id), Id, "User", "Name");

        Assert.Equal("'User.Name' is nullable only because nothing says otherwise (nullable reference types are off); mark it [Required] or IsRequired() if every row needs one", finding.Message);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("Title")]
    [InlineData("UserName")]
    public void Fires_on_other_required_looking_names(string name)
    {
        Expect.Single(User(name).Lint(Id), Id, "User", name);
    }

    [Fact]
    public void Is_silent_when_marked_required()
    {
        Assert.Empty(User("Name", p => p.Required()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_declared_optional()
    {
        Assert.Empty(User("Name", p => p.Optional()).Lint(Id));
    }

    [Fact]
    public void Is_silent_under_nullable_reference_types()
    {
        var findings = Schema.PostgreSql().Entity("User", e => e.Key("Id").Property<string>("Name", p => p.Nullable())).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_names_that_are_not_required_looking()
    {
        // Whole-name matching: a backup email is optional by nature.
        Assert.Empty(User("BackupEmail").Lint(Id));
    }

    [Fact]
    public void Is_silent_when_what_the_code_declared_is_unknown()
    {
        Assert.Empty(User("Name", p => p.UnknownDeclaredRequiredness()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_column_nullability_is_unknown()
    {
        Assert.Empty(User("Name", p => p.UnknownColumnNullability()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_annotation_context_is_unknown()
    {
        Assert.Empty(User("Name", p => p.UnknownReferenceNullability()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_shadow_property()
    {
        var findings = Schema.PostgreSql().NullableOblivious().Entity("User", e => e.Key("Id").ShadowProperty("Name", typeof(string))).Lint(Id);

        Assert.Empty(findings);
    }
}
