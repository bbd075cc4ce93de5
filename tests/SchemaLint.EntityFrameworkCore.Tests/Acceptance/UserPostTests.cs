using Microsoft.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.Tests.Acceptance.UsersAndPosts;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance
{
    /// <summary>A user/post pair with cascade delete and an indexed required foreign key: nothing wrong with the relationship.</summary>
    public class UserPostTests
    {
        [Fact]
        public void Cascade_delete_with_indexed_required_foreign_key_is_silent_on_the_relationship()
        {
            var report = Audit.Npgsql(b => b.Entity<Post>(p =>
            {
                p.HasOne(x => x.User).WithMany(u => u.Posts).HasForeignKey(x => x.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
                p.HasIndex(x => x.UserId);
            }));

            Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("SL10", StringComparison.Ordinal));
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance.UsersAndPosts
{
    public class User
    {
        public int Id { get; set; }

        public List<Post> Posts { get; set; } = new();
    }

    public class Post
    {
        public int Id { get; set; }

        public int UserId { get; set; }

        public User User { get; set; } = null!;
    }
}
