using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Rules.Relationships;

namespace SchemaLint.EntityFrameworkCore.Tests.Rules
{
    public class RelationshipRuleTests
    {
        private static readonly Action<ModelConfigurationBuilder> WithoutForeignKeyIndexes =
            c => c.Conventions.Remove(typeof(ForeignKeyIndexConvention));

        [Fact]
        public void SL1001_fires_when_the_foreign_key_index_convention_is_removed()
        {
            var report = Audit.Npgsql(b => b.Entity<Order>(), WithoutForeignKeyIndexes);

            Assert.Single(report.Of(RuleIds.ForeignKeyNotIndexed, "Order"));
        }

        [Fact]
        public void SL1001_is_silent_with_the_conventional_foreign_key_index()
        {
            var report = Audit.Npgsql(b => b.Entity<Order>());

            Assert.Empty(report.Of(RuleIds.ForeignKeyNotIndexed));
        }

        [Fact]
        public void SL1001_is_silent_when_the_leading_column_of_a_composite_key_covers_the_foreign_key()
        {
            var report = Audit.Npgsql(b => b.Entity<OrderLine>().HasKey(l => new { l.OrderId, l.LineNumber }), WithoutForeignKeyIndexes);

            Assert.Empty(report.Of(RuleIds.ForeignKeyNotIndexed, "OrderLine"));
        }

        [Fact]
        public void SL1002_fires_on_a_nullable_foreign_key_beside_a_non_nullable_navigation()
        {
            var report = Audit.Npgsql(b => b.Entity<Invoice>());

            var finding = report.Single(RuleIds.NullableForeignKey, "Invoice", "CustomerId");
            Assert.Contains("declared required", finding.Message);
        }

        [Fact]
        public void SL1002_is_silent_when_a_nullable_navigation_declares_the_relationship_optional()
        {
            var report = Audit.Npgsql(b => b.Entity<Quote>());

            Assert.Empty(report.Of(RuleIds.NullableForeignKey));
        }

        [Fact]
        public void SL1003_fires_on_an_id_property_that_takes_part_in_no_relationship()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Customer>();
                b.Entity<AuditEntry>();
            });

            report.Single(RuleIds.MissingForeignKeyConstraint, "AuditEntry", "CustomerId");
        }

        [Fact]
        public void SL1003_is_silent_on_ids_that_name_no_entity()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Customer>();
                b.Entity<AuditEntry>();
            });

            Assert.DoesNotContain(report.Of(RuleIds.MissingForeignKeyConstraint), f => f.MemberName is "ExternalId" or "TrackingId");
        }

        [Fact]
        public void SL1004_fires_on_an_optional_relationship_left_at_client_set_null()
        {
            var report = Audit.Npgsql(b => b.Entity<Quote>());

            var finding = report.Single(RuleIds.ClientOnlyDeleteBehavior, "Quote", "Customer");
            Assert.Contains("ClientSetNull", finding.Message);
        }

        [Theory]
        [InlineData(DeleteBehavior.SetNull)]
        [InlineData(DeleteBehavior.ClientSetNull)]
        public void SL1004_is_silent_when_the_delete_behavior_is_chosen_explicitly(DeleteBehavior behavior)
        {
            using var context = ModelContext.Npgsql(behavior == DeleteBehavior.SetNull ? QuoteWithSetNull : QuoteWithClientSetNull);

            Assert.Empty(SchemaAudit.Run(context).Of(RuleIds.ClientOnlyDeleteBehavior));
        }

        [Fact]
        public void SL1005_fires_on_set_null_for_a_required_foreign_key()
        {
            var report = Audit.Npgsql(b => b.Entity<Order>().HasOne(o => o.Customer).WithMany().IsRequired().OnDelete(DeleteBehavior.SetNull));

            report.Single(RuleIds.SetNullOnRequiredForeignKey, "Order", "Customer");
        }

        [Fact]
        public void SL1005_is_silent_on_set_null_for_an_optional_foreign_key()
        {
            var report = Audit.Npgsql(QuoteWithSetNull);

            Assert.Empty(report.Of(RuleIds.SetNullOnRequiredForeignKey));
        }

        [Fact]
        public void SL1006_fires_when_deletes_cascade_into_a_table_along_two_paths()
        {
            var report = Audit.Npgsql(b => b.Entity<Payment>());

            Assert.Single(report.Of(RuleIds.MultipleCascadePaths));
        }

        [Fact]
        public void SL1006_is_silent_when_one_path_restricts()
        {
            var report = Audit.Npgsql(b => b.Entity<Payment>().HasOne(p => p.Customer).WithMany().OnDelete(DeleteBehavior.Restrict));

            Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
        }

        [Fact]
        public void SL1007_fires_on_a_keyless_type_mapped_to_a_table()
        {
            var report = Audit.Npgsql(b => b.Entity<DailyTotal>().HasNoKey().ToTable("daily_totals"));

            Assert.Single(report.Of(RuleIds.TableWithoutPrimaryKey, "DailyTotal"));
        }

        [Fact]
        public void SL1007_is_silent_on_a_keyless_type_mapped_to_a_view()
        {
            var report = Audit.Npgsql(b => b.Entity<DailyTotal>().HasNoKey().ToView("daily_totals"));

            Assert.Empty(report.Of(RuleIds.TableWithoutPrimaryKey));
        }

        [Fact]
        public void SL1007_is_silent_on_a_keyless_type_mapped_to_a_sql_query()
        {
            var report = Audit.Npgsql(b => b.Entity<DailyTotal>().HasNoKey().ToSqlQuery("select 1 as \"Total\", now() as \"Day\""));

            Assert.Empty(report.Of(RuleIds.TableWithoutPrimaryKey));
        }

        [Fact]
        public void SL1007_is_silent_on_a_keyless_sql_query_type_exposed_through_a_DbSet()
        {
            // The DbSet names a table by convention; the query mapping is what the code configured.
            var options = new DbContextOptionsBuilder<DailyTotalsContext>().UseNpgsql("Host=localhost;Database=x").Options;
            using var context = new DailyTotalsContext(options);

            var report = SchemaAudit.Run(context);

            Assert.Equal(TableMappingKind.SqlQuery, report.Model.Entities.Single(e => e.ShortName == nameof(DailyTotal)).Mapping.Value);
            Assert.Empty(report.Of(RuleIds.TableWithoutPrimaryKey));
        }

        public sealed class DailyTotalsContext(DbContextOptions<DailyTotalsContext> options) : DbContext(options)
        {
            public DbSet<DailyTotal> DailyTotals => Set<DailyTotal>();

            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<DailyTotal>().HasNoKey().ToSqlQuery("select 1 as \"Total\", now() as \"Day\"");
        }

        [Fact]
        public void SL1008_fires_once_on_a_shadow_foreign_key_beside_a_mistyped_property()
        {
            var report = Audit.Npgsql(b => b.Entity<Review>());

            var finding = report.Single(RuleIds.ShadowForeignKey, "Review", "CustomerId");
            Assert.Contains("'CustomerId1'", finding.Message);
        }

        [Fact]
        public void SL1008_names_the_misnamed_key_beside_a_navigation_that_EF_Core_gives_a_shadow_key()
        {
            var report = Audit.Npgsql(b => b.Entity<Comment>());

            var finding = report.Single(RuleIds.ShadowForeignKey, "Comment", "AuthorId");
            Assert.Contains("shadow foreign key 'CustomerId'", finding.Message);
        }

        [Fact]
        public void SL1008_is_silent_when_the_foreign_key_property_matches()
        {
            var report = Audit.Npgsql(b => b.Entity<Order>());

            Assert.Empty(report.Of(RuleIds.ShadowForeignKey));
        }

        private static readonly Action<ModelBuilder> QuoteWithSetNull = b => b.Entity<Quote>().HasOne(q => q.Customer).WithMany().OnDelete(DeleteBehavior.SetNull);

        private static readonly Action<ModelBuilder> QuoteWithClientSetNull = b => b.Entity<Quote>().HasOne(q => q.Customer).WithMany().OnDelete(DeleteBehavior.ClientSetNull);
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Rules.Relationships
{
    public class Customer
    {
        public int Id { get; set; }

        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class Order
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        public Customer Customer { get; set; } = null!;
    }

    public class OrderLine
    {
        public int OrderId { get; set; }

        public int LineNumber { get; set; }

        public Order Order { get; set; } = null!;
    }

    public class Invoice
    {
        public int Id { get; set; }

        public int? CustomerId { get; set; }

        public Customer Customer { get; set; } = null!;
    }

    public class Quote
    {
        public int Id { get; set; }

        public int? CustomerId { get; set; }

        public Customer? Customer { get; set; }
    }

    public class AuditEntry
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        public int ExternalId { get; set; }

        public int TrackingId { get; set; }
    }

    /// <summary>Cascades from Customer directly and through Order.</summary>
    public class Payment
    {
        public int Id { get; set; }

        public int CustomerId { get; set; }

        public Customer Customer { get; set; } = null!;

        public int OrderId { get; set; }

        public Order Order { get; set; } = null!;
    }

    public class DailyTotal
    {
        public DateTime Day { get; set; }

        public int Total { get; set; }
    }

    /// <summary>The foreign key is meant to be CustomerId, but a string does not match Customer's int key.</summary>
    /// <summary>AuthorId was meant as the key to Customer; EF Core, matching by name, adds a shadow CustomerId.</summary>
    public class Comment
    {
        public int Id { get; set; }

        public int AuthorId { get; set; }

        public Customer Customer { get; set; } = null!;
    }

    public class Review
    {
        public int Id { get; set; }

        public string CustomerId { get; set; } = "";

        public Customer Customer { get; set; } = null!;
    }
}
