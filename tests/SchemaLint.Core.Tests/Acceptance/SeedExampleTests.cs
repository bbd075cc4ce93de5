using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Acceptance;

/// <summary>The seeds' own examples, as hand-built models: what every front end must make of them.</summary>
public class SeedExampleTests
{
    private static readonly string[] BlogCommentRules =
        { RuleIds.LongTextCappedShort, RuleIds.NullableForeignKey, RuleIds.ClientOnlyDeleteBehavior, RuleIds.MissingTimestamps };

    /// <summary>
    /// The comment an assistant generated: nullable-oblivious code, content capped at 50, nullable FKs left at ClientSetNull,
    /// no timestamps. <c>int? PostId</c> says "optional" in any nullable context, so the finding on the FKs is about what a
    /// delete does (SL1004), not about nullability (SL1002).
    /// </summary>
    private static SchemaBuilder GeneratedBlogComment() =>
        Schema.PostgreSql().NullableOblivious()
            .Entity("Post", e => e.Key("Id").Timestamps().Property<string>("Title", p => p.Required().MaxLength(200)))
            .Entity("User", e => e.Key("Id").Timestamps().Property<string>("UserName", p => p.Required().MaxLength(50)).UniqueIndex("UserName"))
            .Entity("Comment", e => e.Key("Id")
                .Property<string>("Content", p => p.MaxLength(50))
                .Property<int?>("PostId").ForeignKey("PostId", "Post")
                .Property<int?>("UserId").ForeignKey("UserId", "User"));

    /// <summary>The same comment after review.</summary>
    private static SchemaBuilder ReviewedBlogComment(Action<EntityBuilder> timestamps) =>
        Schema.PostgreSql().NullableOblivious()
            .Entity("Post", e => e.Key("Id").Timestamps().Property<string>("Title", p => p.Required().MaxLength(200)))
            .Entity("User", e => e.Key("Id").Timestamps().Property<string>("UserName", p => p.Required().MaxLength(50)).UniqueIndex("UserName"))
            .Entity("Comment", e => timestamps(e.Key("Id")
                .Property<string>("Content", p => p.Required())
                .ForeignKey("PostId", "Post", fk => fk.Required())
                .ForeignKey("UserId", "User", fk => fk.Required())));

    [Fact]
    public void Generated_blog_comment_gets_SL1004_twice_SL2003_and_SL3001()
    {
        var findings = GeneratedBlogComment().Lint().Where(f => BlogCommentRules.Contains(f.RuleId)).ToList();

        Assert.Equal(
            new[] { ("SL1004", "Post"), ("SL1004", "User"), ("SL2003", "Content"), ("SL3001", (string?)null) },
            findings.Select(f => (f.RuleId, f.MemberName)).OrderBy(f => f.RuleId).ThenBy(f => f.MemberName));
        Assert.All(findings, f => Assert.Equal("Comment", f.EntityName));
    }

    [Fact]
    public void Generated_blog_comment_findings_read_right()
    {
        var findings = GeneratedBlogComment().Lint();

        Assert.Contains(findings, f => f.Message == "'Comment.Content' holds free text but is capped at 50 characters (below 500); real content will be rejected or truncated");
        Assert.Contains(findings, f => f.Message == "Relationship (PostId) -> Post from 'Comment' has delete behavior ClientSetNull by convention: the database constraint is NO ACTION, so deleting a 'Post' fails whenever its 'Comment' rows are not loaded; choose Cascade, SetNull or Restrict");
        Assert.Contains(findings, f => f.Message == "Table of 'Comment' has no created or updated timestamp; nobody can tell when a row appeared or last changed");
    }

    [Fact]
    public void Generated_blog_comment_gets_one_warning_per_mistake()
    {
        // One finding per relationship: SL1004 asks for a delete rule; SL1002 stays out of it, the int? having said "optional".
        var others = GeneratedBlogComment().Lint().Where(f => !BlogCommentRules.Contains(f.RuleId) && f.Severity >= Severity.Warning);

        Assert.Empty(others);
    }

    [Fact]
    public void Reviewed_blog_comment_gets_none_of_them()
    {
        var findings = ReviewedBlogComment(e => e.CreatedAt().UpdatedAt()).Lint();

        Assert.DoesNotContain(findings, f => BlogCommentRules.Contains(f.RuleId));
        Assert.DoesNotContain(findings, f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void Reviewed_blog_comment_with_only_a_created_timestamp_still_wants_an_updated_one()
    {
        var finding = Expect.Single(ReviewedBlogComment(e => e.CreatedAt()).Lint(), RuleIds.MissingTimestamps, "Comment", null);

        Assert.Equal("updated", finding.Properties[FindingProperties.MissingTimestamps]);
    }

    /// <summary>The budget tracker as the tutorial wrote it: right about emails, names and FKs, wrong about money and updates.</summary>
    private static SchemaBuilder BudgetTracker() =>
        Schema.PostgreSql()
            .Entity("User", e => e.Key("Id")
                .Property<string>("Email", p => p.Required().MaxLength(254)).UniqueIndex("Email")
                .Property<string>("Name", p => p.Required().MaxLength(100))
                .Property<DateTime>("CreatedAt", p => p.AssignedByCode()))
            .Entity("Category", e => e.Key("Id")
                .Property<string>("Name", p => p.Required().MaxLength(50)).UniqueIndex("Name")
                .Property<string>("Colour", p => p.MaxLength(7).DefaultValue())
                .Property<DateTime>("CreatedAt", p => p.AssignedByCode()))
            .Entity("Expense", e => e.Key("Id")
                .Property<string>("Description", p => p.Required())
                .Property<double>("Amount")
                .Property<DateOnly>("Date", p => p.DefaultSql("CURRENT_DATE"))
                .ForeignKey("UserId", "User")
                .ForeignKey("CategoryId", "Category")
                .Property<DateTime>("CreatedAt", p => p.AssignedByCode()));

    [Fact]
    public void Budget_tracker_stores_the_amount_as_floating_point()
    {
        var finding = Expect.Single(BudgetTracker().Lint(), RuleIds.MoneyAsFloatingPoint, "Expense", "Amount");

        Assert.Equal("'Expense.Amount' looks like money but is a double; binary floating point cannot hold most decimal amounts exactly, so sums drift by fractions of a cent", finding.Message);
    }

    [Fact]
    public void Budget_tracker_misses_updated_timestamps_on_every_table()
    {
        var findings = BudgetTracker().Lint(RuleIds.MissingTimestamps);

        Assert.Equal(new[] { "Category", "Expense", "User" }, findings.Select(f => f.EntityName));
        Assert.All(findings, f => Assert.Equal("updated", f.Properties[FindingProperties.MissingTimestamps]));
    }

    [Theory]
    [InlineData("User", "Email")]
    [InlineData("User", "Name")]
    [InlineData("Category", "Name")]
    [InlineData("Expense", "UserId")]
    [InlineData("Expense", "User")]
    [InlineData("Expense", "CategoryId")]
    [InlineData("Expense", "Category")]
    public void Budget_tracker_is_silent_on_what_the_tutorial_got_right(string entity, string member)
    {
        Expect.NoneOn(BudgetTracker().Lint(), entity, member);
    }

    [Fact]
    public void Budget_tracker_warns_about_nothing_else()
    {
        var warnings = BudgetTracker().Lint().Where(f => f.Severity >= Severity.Warning).Select(f => f.RuleId).Distinct();

        Assert.Equal(new[] { RuleIds.MoneyAsFloatingPoint }, warnings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void User_and_post_with_cascade_delete_and_an_indexed_required_key_are_silent_on_the_relationship(bool explicitCascade)
    {
        var findings = Schema.SqlServer()
            .Entity("User", e => e.Key("Id").Timestamps())
            .Entity("Post", e => e.Key("Id").Timestamps().ForeignKey("UserId", "User", fk =>
            {
                if (explicitCascade) fk.OnDelete(DeleteBehaviorKind.Cascade);
            }))
            .Lint();

        Assert.Empty(findings);
    }
}
