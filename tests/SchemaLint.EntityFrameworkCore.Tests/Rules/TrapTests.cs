using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Rules.Traps;

namespace SchemaLint.EntityFrameworkCore.Tests.Rules
{
    /// <summary>Models that look wrong to a naive reader and are not: the rules must stay silent.</summary>
    public class TrapTests
    {
        [Fact]
        public void Join_table_of_a_skip_navigation_needs_no_timestamps_or_key_review()
        {
            var report = Audit.Npgsql(b => b.Entity<Post>());

            var joinTable = report.Model.Entities.Single(e => e.IsJoinEntity);
            Assert.DoesNotContain(report.Findings, f => f.EntityName == joinTable.Name);
        }

        [Fact]
        public void Owned_type_needs_no_timestamps_of_its_own()
        {
            var report = Audit.Npgsql(b => b.Entity<Customer>().OwnsOne(c => c.Address));

            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void Json_owned_type_is_not_judged_as_a_table()
        {
            var report = Audit.Npgsql(b => b.Entity<Customer>().OwnsOne(c => c.Address, a => a.ToJson()));

            var owned = report.Model.Entities.Single(e => e.IsOwned);
            Assert.DoesNotContain(report.Findings, f => f.EntityName == owned.Name);
        }

        [Fact]
        public void Tph_derived_non_nullable_column_is_nullable_by_design_and_not_reported()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Payment>();
                b.Entity<CardPayment>();
            });

            Assert.True(report.Model.Property("CardPayment", "IsVerified").IsColumnNullable.Is(true));
            Assert.DoesNotContain(report.Findings, f => f.MemberName == "IsVerified");
        }

        [Fact]
        public void Tph_hierarchy_shares_the_root_tables_timestamps()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Payment>();
                b.Entity<CardPayment>();
            });

            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void Keyless_view_is_exempt_from_table_rules()
        {
            var report = Audit.Npgsql(b => b.Entity<SalesSummary>().HasNoKey().ToView("sales_summary"));

            Assert.Empty(report.Findings);
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Rules.Traps
{
    public class Post
    {
        public int Id { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public List<Tag> Tags { get; set; } = new();
    }

    public class Tag
    {
        public int Id { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public List<Post> Posts { get; set; } = new();
    }

    public class Customer
    {
        public int Id { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }

        public Address Address { get; set; } = new();
    }

    public class Address
    {
        public string Street { get; set; } = "";

        public string City { get; set; } = "";
    }

    public class Payment
    {
        public int Id { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class CardPayment : Payment
    {
        public bool IsVerified { get; set; }
    }

    public class SalesSummary
    {
        public DateTime Day { get; set; }

        public decimal Total { get; set; }

        public string Region { get; set; } = "";
    }
}
