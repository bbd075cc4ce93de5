using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class SetNullOnRequiredForeignKeyTests
{
    private const string Id = RuleIds.SetNullOnRequiredForeignKey;

    private static SchemaBuilder Blog(Action<EntityBuilder> comment) =>
        Schema.PostgreSql().Entity("Post", e => e.Key("Id")).Entity("Comment", e => comment(e.Key("Id")));

    [Fact]
    public void Fires_on_SetNull_with_a_required_foreign_key()
    {
        var findings = Blog(e => e.ForeignKey("PostId", "Post", fk => fk.OnDelete(DeleteBehaviorKind.SetNull, line: 31))).Lint(Id);

        var finding = Expect.Single(findings, Id, "Comment", "Post");
        Assert.Equal("Relationship (PostId) -> Post from 'Comment' sets the foreign key to NULL on delete, but the foreign key is required; deleting a 'Post' will fail", finding.Message);
        Assert.Equal(Code.Line(31), finding.Location);
    }

    [Fact]
    public void Fires_when_only_the_column_is_known_to_be_not_null()
    {
        var findings = Blog(e => e.ForeignKey("PostId", "Post", fk => fk.UnknownRequiredness().OnDelete(DeleteBehaviorKind.SetNull))).Lint(Id);

        Expect.Single(findings, Id, "Comment", "Post");
    }

    [Fact]
    public void Is_silent_on_SetNull_with_an_optional_foreign_key()
    {
        var findings = Blog(e => e.Property<int?>("PostId").ForeignKey("PostId", "Post", fk => fk.OnDelete(DeleteBehaviorKind.SetNull))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_Cascade_with_a_required_foreign_key()
    {
        Assert.Empty(Blog(e => e.ForeignKey("PostId", "Post", fk => fk.OnDelete(DeleteBehaviorKind.Cascade))).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_neither_requiredness_nor_column_nullability_is_known()
    {
        var findings = Blog(e => e.Property<int>("PostId", p => p.UnknownColumnNullability())
            .ForeignKey("PostId", "Post", fk => fk.UnknownRequiredness().OnDelete(DeleteBehaviorKind.SetNull))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_delete_behavior_is_unknown()
    {
        Assert.Empty(Blog(e => e.ForeignKey("PostId", "Post", fk => fk.UnknownDeleteBehavior())).Lint(Id));
    }
}
