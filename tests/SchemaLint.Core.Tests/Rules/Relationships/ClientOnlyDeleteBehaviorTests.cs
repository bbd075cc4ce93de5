using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class ClientOnlyDeleteBehaviorTests
{
    private const string Id = RuleIds.ClientOnlyDeleteBehavior;

    private static SchemaBuilder Blog(Action<ForeignKeyBuilder>? foreignKey = null, Action<EntityBuilder>? comment = null) =>
        Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id"))
            .Entity("Comment", e =>
            {
                e.Key("Id").Property<int?>("PostId").ForeignKey("PostId", "Post", foreignKey);
                comment?.Invoke(e);
            });

    [Fact]
    public void Fires_on_the_conventional_ClientSetNull_of_an_optional_relationship()
    {
        var finding = Expect.Single(Blog().Lint(Id), Id, "Comment", "Post");

        Assert.Equal("Relationship (PostId) -> Post from 'Comment' has delete behavior ClientSetNull by convention: the database constraint is NO ACTION, so deleting a 'Post' fails whenever its 'Comment' rows are not loaded; choose Cascade, SetNull or Restrict", finding.Message);
    }

    [Theory]
    [InlineData(DeleteBehaviorKind.ClientCascade)]
    [InlineData(DeleteBehaviorKind.ClientNoAction)]
    public void Fires_on_other_client_only_behaviors_by_convention(DeleteBehaviorKind behavior)
    {
        var finding = Expect.Single(Blog(fk => fk.ConventionDeleteBehavior(behavior)).Lint(Id), Id, "Comment", "Post");

        Assert.Contains($"has delete behavior {behavior} by convention", finding.Message);
    }

    [Theory]
    [InlineData(DeleteBehaviorKind.Cascade)]
    [InlineData(DeleteBehaviorKind.SetNull)]
    [InlineData(DeleteBehaviorKind.Restrict)]
    [InlineData(DeleteBehaviorKind.NoAction)]
    public void Is_silent_on_database_enforced_behaviors(DeleteBehaviorKind behavior)
    {
        Assert.Empty(Blog(fk => fk.OnDelete(behavior)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_explicitly_chosen_client_behavior()
    {
        // OnDelete(ClientSetNull) is a deliberate choice, typically to break a SQL Server cascade cycle.
        Assert.Empty(Blog(fk => fk.OnDelete(DeleteBehaviorKind.ClientSetNull)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_it_is_unknown_whether_the_behavior_was_chosen_in_code()
    {
        Assert.Empty(Blog(fk => fk.UnknownWhetherDeleteBehaviorExplicit()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_delete_behavior_is_unknown()
    {
        Assert.Empty(Blog(fk => fk.UnknownDeleteBehavior()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_entity_mapped_to_a_view()
    {
        Assert.Empty(Blog(comment: e => e.ToView("comment_view")).Lint(Id));
    }

    [Fact]
    public void Is_silent_while_the_relationship_is_nullable_without_declared_intent()
    {
        // SL1002 already asks whether the relationship should be optional at all; its answer decides the delete rule.
        var findings = Schema.PostgreSql().NullableOblivious()
            .Entity("Post", e => e.Key("Id"))
            .Entity("Comment", e => e.Key("Id").ShadowProperty("PostId", typeof(int?)).ForeignKey("PostId", "Post"))
            .Lint();

        Assert.Contains(findings, f => f.RuleId == RuleIds.NullableForeignKey);
        Assert.DoesNotContain(findings, f => f.RuleId == Id);
    }

    [Fact]
    public void Fires_on_a_nullable_value_type_foreign_key_in_oblivious_code_left_at_ClientSetNull()
    {
        // int? PostId declares the relationship optional (no SL1002); what happens to comments when a post goes is the open question.
        var findings = Schema.PostgreSql().NullableOblivious()
            .Entity("Post", e => e.Key("Id"))
            .Entity("Comment", e => e.Key("Id").Property<int?>("PostId").ForeignKey("PostId", "Post"))
            .Lint();

        Expect.None(findings, RuleIds.NullableForeignKey);
        Expect.Single(findings, Id, "Comment", "Post");
    }
}
