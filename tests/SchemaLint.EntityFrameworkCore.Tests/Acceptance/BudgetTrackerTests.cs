using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Acceptance.Budget;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance
{
    /// <summary>The budget tracker from a tutorial: money as double, no updated timestamps, and several things done right.</summary>
    public class BudgetTrackerTests
    {
        private static readonly Action<ModelBuilder> Model = b =>
        {
            b.Entity<User>().HasIndex(u => u.Email).IsUnique();
            b.Entity<Category>();
            b.Entity<Expense>();
        };

        [Fact]
        public void Amount_stored_as_double_is_money_as_floating_point()
        {
            var report = Audit.Npgsql(Model);

            var finding = Assert.Single(report.Of(RuleIds.MoneyAsFloatingPoint));
            Assert.Equal(("Expense", "Amount"), (report.Model.FindEntity(finding.EntityName!)!.ShortName, finding.MemberName));
        }

        [Fact]
        public void Every_table_lacks_an_updated_timestamp()
        {
            var report = Audit.Npgsql(Model);

            var missing = report.Of(RuleIds.MissingTimestamps);
            Assert.Equal(new[] { "Category", "Expense", "User" }, missing.Select(f => report.Model.FindEntity(f.EntityName!)!.ShortName).OrderBy(n => n));
            Assert.All(missing, f => Assert.Equal("updated", f.Properties["MissingTimestamps"]));
        }

        [Fact]
        public void Unique_required_email_is_not_reported()
        {
            var report = Audit.Npgsql(Model);

            Assert.DoesNotContain(report.Findings, f => f.MemberName == "Email");
        }

        [Fact]
        public void Bounded_names_are_not_reported()
        {
            var report = Audit.Npgsql(Model);

            Assert.DoesNotContain(report.Findings, f => f.MemberName == "Name");
        }

        [Fact]
        public void Required_indexed_foreign_keys_are_not_reported()
        {
            var report = Audit.Npgsql(Model);

            Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("SL10", StringComparison.Ordinal));
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Acceptance.Budget
{
    public class User
    {
        public int Id { get; set; }

        [MaxLength(254)]
        public string Email { get; set; } = "";

        [MaxLength(100)]
        public string Name { get; set; } = "";

        public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

        public List<Expense> Expenses { get; set; } = new();
    }

    public class Category
    {
        public int Id { get; set; }

        [MaxLength(100)]
        public string Name { get; set; } = "";

        public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    }

    public class Expense
    {
        public int Id { get; set; }

        public double Amount { get; set; }

        public DateTime Date { get; set; }

        public int UserId { get; set; }

        public User User { get; set; } = null!;

        public int CategoryId { get; set; }

        public Category Category { get; set; } = null!;

        public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    }
}
