using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Rules.Columns;

namespace SchemaLint.EntityFrameworkCore.Tests.Rules
{
    public class ColumnRuleTests
    {
        [Fact]
        public void SL2001_fires_on_a_double_price()
        {
            var report = Audit.Npgsql(b => b.Entity<Product>());

            report.Single(RuleIds.MoneyAsFloatingPoint, "Product", "Price");
        }

        [Fact]
        public void SL2001_is_silent_on_non_money_floats()
        {
            var report = Audit.Npgsql(b => b.Entity<Store>());

            Assert.Empty(report.Of(RuleIds.MoneyAsFloatingPoint));
        }

        [Fact]
        public void SL2001_is_silent_when_the_column_type_is_numeric()
        {
            var report = Audit.Npgsql(b => b.Entity<Product>().Property(p => p.Price).HasColumnType("numeric(12,2)"));

            Assert.Empty(report.Of(RuleIds.MoneyAsFloatingPoint));
        }

        [Fact]
        public void SL2002_fires_on_a_decimal_without_precision()
        {
            var report = Audit.Npgsql(b => b.Entity<Ledger>());

            var finding = report.Single(RuleIds.DecimalWithoutPrecision, "Ledger", "Balance");
            Assert.Contains("PostgreSQL", finding.Message);
        }

        [Fact]
        public void SL2002_is_silent_with_precision_configured()
        {
            var report = Audit.Npgsql(b => b.Entity<Ledger>().Property(l => l.Balance).HasPrecision(18, 2));

            Assert.Empty(report.Of(RuleIds.DecimalWithoutPrecision));
        }

        [Fact]
        public void SL2002_is_silent_with_precision_from_a_global_convention()
        {
            var report = Audit.Npgsql(b => b.Entity<Ledger>(), c => c.Properties<decimal>().HavePrecision(18, 2));

            Assert.Empty(report.Of(RuleIds.DecimalWithoutPrecision));
        }

        [Fact]
        public void SL2003_fires_on_a_body_capped_by_its_column_type()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>().Property(a => a.Body).HasColumnType("varchar(80)"));

            Assert.Contains("80 characters", report.Single(RuleIds.LongTextCappedShort, "Article", "Body").Message);
        }

        [Fact]
        public void SL2003_is_silent_on_an_unbounded_body()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>());

            Assert.Empty(report.Of(RuleIds.LongTextCappedShort));
        }

        [Fact]
        public void SL2004_fires_on_an_unbounded_title()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>());

            report.Single(RuleIds.ShortTextUnbounded, "Article", "Title");
        }

        [Fact]
        public void SL2004_is_silent_on_a_bounded_title()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>().Property(a => a.Title).HasMaxLength(200));

            Assert.Empty(report.Of(RuleIds.ShortTextUnbounded));
        }

        [Fact]
        public void SL2005_fires_on_an_oblivious_name_nothing_requires()
        {
            var report = Audit.Npgsql(b => b.Entity<LegacyContact>());

            report.Single(RuleIds.NullableByOmission, "LegacyContact", "Name");
        }

        [Fact]
        public void SL2005_is_silent_on_an_oblivious_name_marked_required()
        {
            var report = Audit.Npgsql(b => b.Entity<LegacyContact>());

            Assert.DoesNotContain(report.Of(RuleIds.NullableByOmission), f => f.MemberName == "Email");
        }

        [Fact]
        public void SL2005_is_silent_under_nullable_reference_types()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>());

            Assert.Empty(report.Of(RuleIds.NullableByOmission));
        }

        [Fact]
        public void SL2006_fires_on_a_nullable_string_configured_required()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>().Property(a => a.Subtitle).IsRequired());

            Assert.Contains("declared nullable but configured required", report.Single(RuleIds.NullabilityMismatch, "Article", "Subtitle").Message);
        }

        [Fact]
        public void SL2006_fires_on_a_non_nullable_string_configured_optional()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>().Property(a => a.Title).IsRequired(false));

            report.Single(RuleIds.NullabilityMismatch, "Article", "Title");
        }

        [Fact]
        public void SL2006_is_silent_when_annotation_and_configuration_agree()
        {
            var report = Audit.Npgsql(b => b.Entity<Article>().Property(a => a.Subtitle).IsRequired(false));

            Assert.Empty(report.Of(RuleIds.NullabilityMismatch));
        }

        [Fact]
        public void SL2007_fires_on_a_users_email_without_a_unique_index()
        {
            var report = Audit.Npgsql(b => b.Entity<TenantUser>());

            report.Single(RuleIds.UniqueCandidateWithoutIndex, "TenantUser", "Email");
        }

        [Fact]
        public void SL2007_is_silent_on_the_email_of_a_membership_row()
        {
            // The same person is a member of many tenants: the email repeats by design.
            var report = Audit.Npgsql(b => b.Entity<Member>());

            Assert.Empty(report.Of(RuleIds.UniqueCandidateWithoutIndex));
        }

        [Fact]
        public void SL2007_is_silent_with_a_unique_index_shared_with_the_tenant()
        {
            var report = Audit.Npgsql(b => b.Entity<TenantUser>().HasIndex(u => new { u.TenantId, u.Email }).IsUnique());

            Assert.Empty(report.Of(RuleIds.UniqueCandidateWithoutIndex));
        }

        [Fact]
        public void SL2008_fires_on_a_flag_without_a_database_default()
        {
            var report = Audit.Npgsql(b => b.Entity<Member>());

            report.Single(RuleIds.NoDatabaseDefault, "Member", "IsActive");
        }

        [Fact]
        public void SL2008_is_silent_on_a_flag_with_a_database_default()
        {
            var report = Audit.Npgsql(b => b.Entity<Member>().Property(m => m.IsActive).HasDefaultValue(true));

            Assert.Empty(report.Of(RuleIds.NoDatabaseDefault));
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Rules.Columns
{
    public class Product
    {
        public int Id { get; set; }

        public double Price { get; set; }
    }

    public class Store
    {
        public int Id { get; set; }

        public double Latitude { get; set; }

        public double Score { get; set; }

        public float Ratio { get; set; }

        public double Weight { get; set; }
    }

    public class Ledger
    {
        public int Id { get; set; }

        public decimal Balance { get; set; }
    }

    public class Article
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public string? Subtitle { get; set; }

        public string Body { get; set; } = "";
    }

    public class TenantUser
    {
        public int Id { get; set; }

        public int TenantId { get; set; }

        [MaxLength(254)]
        public string Email { get; set; } = "";
    }

    public class Member
    {
        public int Id { get; set; }

        public int TenantId { get; set; }

        [MaxLength(254)]
        public string Email { get; set; } = "";

        public bool IsActive { get; set; }
    }
}

#nullable disable
namespace SchemaLint.EntityFrameworkCore.Tests.Rules.Columns
{
    public class LegacyContact
    {
        public int Id { get; set; }

        [MaxLength(100)]
        public string Name { get; set; }

        [Required, MaxLength(254)]
        public string Email { get; set; }
    }
}
#nullable restore
