using SchemaLint.Core.Engine;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class LongTextCappedShortTests
{
    private const string Id = RuleIds.LongTextCappedShort;

    private static SchemaBuilder Comment(string name, Action<PropertyBuilder> configure, SchemaBuilder? schema = null) =>
        (schema ?? Schema.PostgreSql()).Entity("Comment", e => e.Key("Id").Property<string>(name, configure));

    [Fact]
    public void Fires_on_content_capped_at_50()
    {
        var finding = Expect.Single(Comment("Content", p => p.MaxLength(50)).Lint(Id), Id, "Comment", "Content");

        Assert.Equal("'Comment.Content' holds free text but is capped at 50 characters (below 500); real content will be rejected or truncated", finding.Message);
        Assert.Equal("500", finding.Properties[FindingProperties.LongTextThreshold]);
    }

    [Theory]
    [InlineData("Body")]
    [InlineData("Description")]
    [InlineData("ProductDescription")]
    [InlineData("Notes")]
    public void Fires_on_other_long_text_names(string name)
    {
        Expect.Single(Comment(name, p => p.MaxLength(255)).Lint(Id), Id, "Comment", name);
    }

    [Theory]
    [InlineData("Tag", "Text", 50)]
    [InlineData("Hashtag", "Text", 50)]
    [InlineData("PostTag", "Text", 64)]
    [InlineData("Category", "Content", 120)]
    [InlineData("Label", "Content", 80)]
    public void Is_silent_on_the_label_of_a_tag_or_category(string entity, string name, int maxLength)
    {
        var findings = Schema.PostgreSql().Entity(entity, e => e.Key("Id").Property<string>(name, p => p.MaxLength(maxLength))).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Fires_on_the_description_of_a_category()
    {
        var findings = Schema.PostgreSql().Entity("Category", e => e.Key("Id").Property<string>("Description", p => p.MaxLength(255))).Lint(Id);

        Expect.Single(findings, Id, "Category", "Description");
    }

    [Fact]
    public void Fires_on_the_text_of_an_entity_that_is_not_a_label()
    {
        var findings = Schema.PostgreSql().Entity("Review", e => e.Key("Id").Property<string>("Text", p => p.MaxLength(100))).Lint(Id);

        Expect.Single(findings, Id, "Review", "Text");
    }

    [Fact]
    public void Is_silent_at_the_threshold()
    {
        Assert.Empty(Comment("Content", p => p.MaxLength(500)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_unbounded()
    {
        Assert.Empty(Comment("Content", p => { }).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_max_length_is_unknown()
    {
        Assert.Empty(Comment("Content", p => p.MaxLength(50).UnknownMaxLength()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_short_text_name()
    {
        Assert.Empty(Comment("Title", p => p.MaxLength(50)).Lint(Id));
    }

    [Fact]
    public void Uses_the_configured_threshold()
    {
        var options = Config.Of("schemalint.long_text_threshold = 40");

        Assert.Empty(Comment("Content", p => p.MaxLength(50)).Lint(Id, options));
        var finding = Assert.Single(Comment("Content", p => p.MaxLength(30)).Lint(Id, options));
        Assert.Contains("(below 40)", finding.Message);
    }

    [Fact]
    public void Is_silent_on_SQLite_which_enforces_no_lengths()
    {
        Assert.Empty(Comment("Content", p => p.MaxLength(50), Schema.Sqlite()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_view()
    {
        var findings = Schema.PostgreSql()
            .Entity("CommentSummary", e => e.Keyless().ToView("comment_summaries").Property<string>("Content", p => p.MaxLength(50)))
            .Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Matches_text_only_as_a_whole_name()
    {
        Expect.Single(Comment("Text", p => p.MaxLength(50)).Lint(Id), Id, "Comment", "Text");
        Assert.Empty(Comment("ButtonText", p => p.MaxLength(50)).Lint(Id));
        Assert.Empty(Comment("AltText", p => p.MaxLength(50)).Lint(Id));
    }
}
