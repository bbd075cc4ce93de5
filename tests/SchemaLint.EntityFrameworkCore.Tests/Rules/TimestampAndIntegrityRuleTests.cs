using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Rules.Integrity;

namespace SchemaLint.EntityFrameworkCore.Tests.Rules
{
    public class TimestampAndIntegrityRuleTests
    {
        [Fact]
        public void SL3001_fires_on_a_table_without_timestamps()
        {
            var report = Audit.Npgsql(b => b.Entity<Shipment>());

            Assert.Single(report.Of(RuleIds.MissingTimestamps, "Shipment"));
        }

        [Fact]
        public void SL3001_is_silent_when_timestamps_are_inherited_from_an_unmapped_base_class()
        {
            var report = Audit.Npgsql(b => b.Entity<Warehouse>());

            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void SL3001_is_silent_when_timestamps_are_shadow_properties()
        {
            var report = Audit.Npgsql(b => b.Entity<Shipment>(s =>
            {
                s.Property<DateTime>("CreatedAt");
                s.Property<DateTime>("UpdatedAt");
            }));

            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void Source_only_rules_never_fire_at_runtime()
        {
            // A created timestamp with no default: SL3002 would need to know that no code assigns it.
            var report = Audit.Npgsql(b => b.Entity<Warehouse>());

            Assert.DoesNotContain(report.Findings, f => f.Rule.RequiresSource);
            Assert.False(report.Model.Code.IsObserved);
        }

        [Fact]
        public void SL4001_fires_on_a_range_without_a_check_constraint()
        {
            var report = Audit.Npgsql(b => b.Entity<Rating>());

            Assert.Contains("[Range]", report.Single(RuleIds.RangeWithoutCheckConstraint, "Rating", "Stars").Message);
        }

        [Fact]
        public void SL4001_is_silent_when_a_check_constraint_names_the_column()
        {
            var report = Audit.Npgsql(b => b.Entity<Rating>().ToTable(t => t.HasCheckConstraint("CK_Rating_Stars", "\"Stars\" BETWEEN 1 AND 5")));

            Assert.Empty(report.Of(RuleIds.RangeWithoutCheckConstraint));
        }

        [Fact]
        public void SL4002_fires_on_an_index_that_prefixes_another()
        {
            var report = Audit.Npgsql(b => b.Entity<Shipment>(s =>
            {
                s.HasIndex(x => x.Carrier);
                s.HasIndex(x => new { x.Carrier, x.TrackingCode });
            }));

            Assert.Single(report.Of(RuleIds.RedundantIndex, "Shipment"));
        }

        [Fact]
        public void SL4002_is_silent_on_a_gin_index_beside_a_plain_one()
        {
            // A GIN index answers queries a btree on more columns cannot; Npgsql records the method as an annotation.
            var report = Audit.Npgsql(b => b.Entity<Shipment>(s =>
            {
                s.HasIndex(x => x.Carrier).HasMethod("gin");
                s.HasIndex(x => new { x.Carrier, x.TrackingCode });
            }));

            Assert.Empty(report.Of(RuleIds.RedundantIndex));
            Assert.True(report.Model.Entities.Single(e => e.ShortName == "Shipment").Indexes.Single(i => i.PropertyNames.Count == 1).IsPlain.Is(false));
        }

        [Fact]
        public void SL4002_is_silent_on_indexes_that_do_not_prefix_each_other()
        {
            var report = Audit.Npgsql(b => b.Entity<Shipment>(s =>
            {
                s.HasIndex(x => x.Carrier);
                s.HasIndex(x => new { x.TrackingCode, x.Carrier });
            }));

            Assert.Empty(report.Of(RuleIds.RedundantIndex));
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Rules.Integrity
{
    public class Shipment
    {
        public int Id { get; set; }

        [MaxLength(50)]
        public string Carrier { get; set; } = "";

        [MaxLength(50)]
        public string TrackingCode { get; set; } = "";
    }

    public abstract class Timestamped
    {
        public DateTime CreatedAt { get; set; }

        public DateTime UpdatedAt { get; set; }
    }

    public class Warehouse : Timestamped
    {
        public int Id { get; set; }
    }

    public class Rating
    {
        public int Id { get; set; }

        [Range(1, 5)]
        public int Stars { get; set; }
    }
}
