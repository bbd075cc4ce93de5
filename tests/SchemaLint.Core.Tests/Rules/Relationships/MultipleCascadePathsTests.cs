using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class MultipleCascadePathsTests
{
    private const string Id = RuleIds.MultipleCascadePaths;

    /// <summary>User -> Post -> Comment and User -> Comment, every step cascading unless <paramref name="commentAuthor"/> says otherwise.</summary>
    private static SchemaBuilder Diamond(SchemaBuilder schema, Action<ForeignKeyBuilder>? commentAuthor = null) =>
        schema
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Comment", e => e.Key("Id").ForeignKey("UserId", "User", commentAuthor).ForeignKey("PostId", "Post"));

    [Fact]
    public void Fires_where_two_cascade_paths_meet()
    {
        var finding = Expect.Single(Diamond(Schema.PostgreSql()).Lint(Id), Id, "Comment", "Post");

        Assert.Equal("Deleting a 'User' cascades to 'Comment' along more than one path, the last step being (PostId) -> Post; SQL Server refuses this, other databases delete through every path", finding.Message);
    }

    [Fact]
    public void Fires_on_two_cascading_relationships_between_the_same_tables()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id").ForeignKey("SenderId", "User").ForeignKey("RecipientId", "User"))
            .Lint(Id);

        Expect.Single(findings, Id, "Message", "Recipient");
    }

    [Fact]
    public void Fires_on_a_cascading_self_reference()
    {
        var findings = Schema.PostgreSql()
            .Entity("Category", e => e.Key("Id").ForeignKey("ParentId", "Category", fk => fk.OnDelete(DeleteBehaviorKind.Cascade)))
            .Lint(Id);

        var finding = Expect.Single(findings, Id, "Category", "Parent");
        Assert.Equal("Relationship (ParentId) -> Category of 'Category' cascades deletes to its own table; a delete can cascade without end (SQL Server refuses it)", finding.Message);
    }

    [Fact]
    public void Fires_on_a_cascade_cycle_through_two_tables()
    {
        var findings = Schema.PostgreSql()
            .Entity("Team", e => e.Key("Id").ForeignKey("CaptainId", "Player"))
            .Entity("Player", e => e.Key("Id").ForeignKey("TeamId", "Team"))
            .Lint(Id);

        var finding = Assert.Single(findings);
        Assert.Contains("closes a cascade cycle through", finding.Message);
    }

    [Fact]
    public void Is_an_error_on_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.SqlServer()).Lint(Id));

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Is_a_warning_on_other_databases()
    {
        var finding = Assert.Single(Diamond(Schema.PostgreSql()).Lint(Id));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Is_an_error_when_the_options_force_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.PostgreSql()).Lint(Id, Config.Of("schemalint.provider = sqlserver")));

        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Keeps_a_configured_severity_on_SQL_Server()
    {
        var finding = Assert.Single(Diamond(Schema.SqlServer()).Lint(Id, Config.Of("dotnet_diagnostic.SL1006.severity = warning")));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData(DeleteBehaviorKind.Restrict)]
    [InlineData(DeleteBehaviorKind.NoAction)]
    [InlineData(DeleteBehaviorKind.ClientCascade)]
    public void Is_silent_when_one_path_does_not_cascade_in_the_database(DeleteBehaviorKind behavior)
    {
        Assert.Empty(Diamond(Schema.SqlServer(), fk => fk.OnDelete(behavior)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_single_chain_of_cascades()
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Comment", e => e.Key("Id").ForeignKey("PostId", "Post"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_a_delete_behavior_is_unknown()
    {
        Assert.Empty(Diamond(Schema.SqlServer(), fk => fk.UnknownDeleteBehavior()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_a_path_runs_through_a_view()
    {
        // A view carries no foreign key constraint, so no delete cascades into it.
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Post", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("PostStatistics", e => e.Keyless().ToView("post_statistics").ForeignKey("UserId", "User").ForeignKey("PostId", "Post"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_an_owned_type_in_its_owner_table()
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Order", e => e.Key("Id").ForeignKey("UserId", "User"))
            .Entity("Address", e => e.OwnedBy("Order").Key("OrderId").ForeignKey("OrderId", "Order", fk => fk.Ownership()).ForeignKey("CountryUserId", "User"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Counts_set_null_paths_on_SQL_Server()
    {
        // SQL Server's error 1785 names SET NULL as well as CASCADE.
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id")
                .Property<int?>("SenderId").ForeignKey("SenderId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull))
                .Property<int?>("RecipientId").ForeignKey("RecipientId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull)))
            .Lint(Id);

        Assert.Equal(Severity.Error, Expect.Single(findings, Id, "Message", "Recipient").Severity);
    }

    [Fact]
    public void Ignores_set_null_paths_elsewhere()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Message", e => e.Key("Id")
                .Property<int?>("SenderId").ForeignKey("SenderId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull))
                .Property<int?>("RecipientId").ForeignKey("RecipientId", "User", fk => fk.OnDelete(DeleteBehaviorKind.SetNull)))
            .Lint(Id);

        Assert.Empty(findings);
    }
}
