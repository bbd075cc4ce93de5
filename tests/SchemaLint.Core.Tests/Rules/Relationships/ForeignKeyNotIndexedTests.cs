using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Relationships;

public class ForeignKeyNotIndexedTests
{
    private const string Id = RuleIds.ForeignKeyNotIndexed;

    private static SchemaBuilder Blog(Action<ForeignKeyBuilder>? foreignKey = null, Action<EntityBuilder>? comment = null) =>
        Schema.PostgreSql()
            .Entity("Post", e => e.Key("Id").Timestamps())
            .Entity("Comment", e =>
            {
                e.Key("Id").Timestamps().ForeignKey("PostId", "Post", foreignKey);
                comment?.Invoke(e);
            });

    [Fact]
    public void Fires_when_no_index_covers_the_foreign_key()
    {
        var finding = Expect.Single(Blog(fk => fk.WithoutIndex()).Lint(), Id, "Comment", "Post");

        Assert.Equal("Foreign key (PostId) of 'Comment' to 'Post' is not covered by the leading columns of any index or key; joins and deletes of 'Post' rows scan the table", finding.Message);
    }

    [Fact]
    public void Fires_when_the_foreign_key_is_only_a_later_column_of_an_index()
    {
        var findings = Blog(fk => fk.WithoutIndex(), e => e.Index("CreatedAt", "PostId")).Lint(Id);

        Expect.Single(findings, Id, "Comment", "Post");
    }

    [Fact]
    public void Fires_when_the_only_index_on_the_foreign_key_leaves_out_rows_with_a_key()
    {
        var findings = Blog(fk => fk.WithoutIndex(), e => e.Property<bool>("IsDeleted").FilteredIndex("NOT \"IsDeleted\"", false, "PostId")).Lint(Id);

        Expect.Single(findings, Id, "Comment", "Post");
    }

    [Fact]
    public void Fires_when_the_filter_excludes_nulls_and_more()
    {
        var findings = Blog(fk => fk.WithoutIndex(), e => e.Property<bool>("IsDeleted").FilteredIndex("[PostId] IS NOT NULL AND [IsDeleted] = 0", false, "PostId")).Lint(Id);

        Expect.Single(findings, Id, "Comment", "Post");
    }

    [Fact]
    public void Fires_when_the_filter_excludes_nulls_of_another_column()
    {
        var findings = Blog(fk => fk.WithoutIndex(), e => e.Property<int?>("EditorId").FilteredIndex("[EditorId] IS NOT NULL", false, "PostId")).Lint(Id);

        Expect.Single(findings, Id, "Comment", "Post");
    }

    [Theory]
    [InlineData("[PostId] IS NOT NULL")]
    [InlineData("\"PostId\" IS NOT NULL")]
    [InlineData("(PostId is not null)")]
    public void Is_silent_when_a_filtered_index_only_leaves_out_rows_with_a_null_key(string filter)
    {
        // SQL Server's unique index on a nullable one-to-one key: every join and delete looks for a non-null key.
        var findings = Blog(fk => fk.WithoutIndex().OneToOne(), e => e.FilteredIndex(filter, true, "PostId")).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Reads_the_filter_by_column_name()
    {
        var findings = Blog(fk => fk.WithoutIndex().OneToOne(), e =>
        {
            e.Entity.FindDeclaredProperty("PostId")!.ColumnName = "post_id";
            e.FilteredIndex("\"post_id\" IS NOT NULL", true, "PostId");
        }).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_a_filtered_index_leaves_out_rows_where_any_column_of_a_composite_key_is_null()
    {
        var findings = Schema.SqlServer()
            .Entity("Order", e => e.Key("TenantId", "Number"))
            .Entity("Invoice", e => e.Key("Id")
                .Property<int?>("TenantId").Property<int?>("OrderNumber")
                .ForeignKey(new[] { "TenantId", "OrderNumber" }, "Order", fk => fk.WithoutIndex().OneToOne())
                .FilteredIndex("([TenantId] IS NOT NULL) AND ([OrderNumber] IS NOT NULL)", true, "TenantId", "OrderNumber"))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_when_a_composite_foreign_key_is_indexed_in_another_column_order()
    {
        var findings = Schema.PostgreSql()
            .Entity("Order", e => e.Key("TenantId", "Number"))
            .Entity("OrderLine", e => e.Key("Id")
                .ForeignKey(new[] { "TenantId", "OrderNumber" }, "Order", fk => fk.WithoutIndex().Navigation("Order"))
                .Index("OrderNumber", "TenantId"))
            .Lint(Id);

        var finding = Expect.Single(findings, Id, "OrderLine", "Order");
        Assert.StartsWith("Foreign key (TenantId, OrderNumber) of 'OrderLine' to 'Order'", finding.Message);
    }

    [Fact]
    public void Names_the_foreign_key_property_when_there_is_no_navigation()
    {
        var findings = Blog(fk => fk.WithoutIndex().Navigation(null)).Lint(Id);

        Expect.Single(findings, Id, "Comment", "PostId");
    }

    [Fact]
    public void Points_at_the_relationship_configuration()
    {
        var finding = Assert.Single(Blog(fk => fk.WithoutIndex().At(42)).Lint(Id));

        Assert.Equal(Code.Line(42), finding.Location);
    }

    [Fact]
    public void Is_silent_with_the_conventional_foreign_key_index()
    {
        Assert.Empty(Blog().Lint(Id));
    }

    [Fact]
    public void Is_silent_when_a_composite_index_starts_with_the_foreign_key()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex(), e => e.Index("PostId", "CreatedAt")).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_indexes_are_not_known_to_be_complete()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex(), e => e.Incomplete(ModelCompleteness.Indexes)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_keys_are_not_known_to_be_complete()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex(), e => e.Incomplete(ModelCompleteness.Keys)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_an_inherited_index_list_is_incomplete()
    {
        var findings = Schema.PostgreSql()
            .Entity("User", e => e.Key("Id"))
            .Entity("Document", e => e.Key("Id").Tph().Incomplete(ModelCompleteness.Indexes))
            .Entity("Invoice", e => e.DerivedFrom("Document").ForeignKey("UserId", "User", fk => fk.WithoutIndex()))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_when_the_mapping_is_unknown()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex(), e => e.UnknownMapping()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_entity_mapped_to_a_view()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex(), e => e.ToView("comment_view")).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_an_ownership()
    {
        var findings = Schema.PostgreSql()
            .Entity("Order", e => e.Key("Id"))
            .Entity("OrderLine", e => e.Owned().Key("Id").ForeignKey("OrderId", "Order", fk => fk.Ownership().WithoutIndex()))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Is_silent_on_an_excluded_entity()
    {
        Assert.Empty(Blog(fk => fk.WithoutIndex()).Lint(Id, Config.Of("schemalint.exclude_entities = Comment")));
    }
}
