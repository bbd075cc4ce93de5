using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance
{
    /// <summary>The comment entity an assistant generated: content capped short, optional relationships left to the client on delete, no timestamps; and its fixed version.</summary>
    public class BlogCommentTests
    {
        [Fact]
        public void Generated_comment_caps_content_short()
        {
            var report = Audit.Npgsql(b => b.Entity<GeneratedBlog.Comment>());

            var finding = report.Single(RuleIds.LongTextCappedShort, "Comment", "Content");
            Assert.Contains("50 characters", finding.Message);
        }

        [Fact]
        public void Generated_comment_leaves_both_optional_relationships_to_the_client_on_delete()
        {
            // int? PostId declares the relationship optional in any nullable context (no SL1002); ClientSetNull by convention
            // leaves the database constraint at NO ACTION, which is the mistake to fix.
            var report = Audit.Npgsql(b => b.Entity<GeneratedBlog.Comment>());

            Assert.Empty(report.Of(RuleIds.NullableForeignKey, "Comment"));
            Assert.Equal(new[] { "Post", "User" }, report.Of(RuleIds.ClientOnlyDeleteBehavior, "Comment").Select(f => f.MemberName).OrderBy(m => m));
        }

        [Fact]
        public void Generated_comment_has_no_timestamps()
        {
            var report = Audit.Npgsql(b => b.Entity<GeneratedBlog.Comment>());

            var finding = Assert.Single(report.Of(RuleIds.MissingTimestamps, "Comment"));
            Assert.Contains("created or updated", finding.Message);
        }

        [Fact]
        public void Fixed_comment_is_clean_of_the_generated_issues()
        {
            var report = Audit.Npgsql(b => b.Entity<FixedBlog.Comment>(c =>
            {
                c.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
                c.Property(x => x.UpdatedAt).HasDefaultValueSql("now()").ValueGeneratedOnAddOrUpdate();
            }));

            var comment = report.Findings.Where(f => f.EntityName == typeof(FixedBlog.Comment).FullName).ToList();
            Assert.DoesNotContain(comment, f => f.RuleId is RuleIds.LongTextCappedShort or RuleIds.NullableForeignKey or RuleIds.ClientOnlyDeleteBehavior or RuleIds.MissingTimestamps or RuleIds.ForeignKeyNotIndexed);
        }
    }
}

#nullable disable
namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance.GeneratedBlog
{
    public class Comment
    {
        public int Id { get; set; }

        [MaxLength(50)]
        public string Content { get; set; }

        public int? PostId { get; set; }

        public Post Post { get; set; }

        public int? UserId { get; set; }

        public User User { get; set; }
    }

    public class Post
    {
        public int Id { get; set; }

        [Required, MaxLength(200)]
        public string Title { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class User
    {
        public int Id { get; set; }

        [Required, MaxLength(100)]
        public string Name { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }
}
#nullable restore

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance.FixedBlog
{
    public class Comment
    {
        public int Id { get; set; }

        public string Content { get; set; } = "";

        public int PostId { get; set; }

        public Post Post { get; set; } = null!;

        public int UserId { get; set; }

        public User User { get; set; } = null!;

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class Post
    {
        public int Id { get; set; }

        [MaxLength(200)]
        public string Title { get; set; } = "";

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class User
    {
        public int Id { get; set; }

        [MaxLength(100)]
        public string Name { get; set; } = "";

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }
}
