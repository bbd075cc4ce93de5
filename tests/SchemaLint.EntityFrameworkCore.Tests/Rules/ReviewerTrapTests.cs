using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Rules.ReviewerTraps;

namespace SchemaLint.EntityFrameworkCore.Tests.Rules
{
    /// <summary>
    /// False positives found by auditing public EF Core models, rebuilt as real EF Core models: what the runtime reader
    /// records for them, and that the rules stay silent (or report the weaker finding) on them.
    /// </summary>
    public class ReviewerTrapTests
    {
        [Fact]
        public void SL1002_reads_the_nullable_context_of_the_declaring_class_not_of_the_entity_class()
        {
            // Guid? OwnerId lives in a #nullable enable domain class; Pet, the EF class, is in a #nullable disable block.
            var report = Audit.Npgsql(b => b.Entity<Pet>());

            Assert.True(report.Model.Entity("Pet").NullableReferenceTypes.Is(false));
            Assert.Empty(report.Of(RuleIds.NullableForeignKey));
        }

        [Fact]
        public void SL1002_is_silent_on_a_nullable_value_type_foreign_key_in_oblivious_code()
        {
            var report = Audit.Npgsql(b => b.Entity<LegacyComment>());

            Assert.Empty(report.Of(RuleIds.NullableForeignKey));
        }

        [Fact]
        public void SL1002_still_fires_on_a_nullable_value_type_foreign_key_declared_required()
        {
            var report = Audit.Npgsql(b => b.Entity<LegacyComment>().HasOne(c => c.Post).WithMany().HasForeignKey(c => c.PostId).IsRequired());

            Assert.Contains("declared required", report.Single(RuleIds.NullableForeignKey, "LegacyComment", "PostId").Message);
        }

        [Fact]
        public void Runtime_reader_records_the_annotation_of_the_navigation_where_it_is_declared()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Pet>());

            var foreignKey = model.Entity("Pet").ForeignKeys.Single(fk => fk.DependentNavigation == "Vet");
            Assert.True(foreignKey.DependentNavigationNullability.Is(ReferenceNullability.Annotated));
        }

        [Fact]
        public void SL1003_and_SL1008_follow_EF_Cores_case_insensitive_match_of_CustomerID()
        {
            var report = Audit.Npgsql(b => b.Entity<SalesOrder>());

            Assert.Equal(new[] { "CustomerID" }, report.Model.Entity("SalesOrder").ForeignKeys.Single().PropertyNames);
            Assert.Empty(report.Of(RuleIds.MissingForeignKeyConstraint));
            Assert.Empty(report.Of(RuleIds.ShadowForeignKey));
        }

        [Fact]
        public void SL1003_is_silent_on_a_polymorphic_reference_beside_its_discriminator()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Entity>();
                b.Entity<Remark>();
            });

            Assert.Empty(report.Of(RuleIds.MissingForeignKeyConstraint));
        }

        [Fact]
        public void SL1006_is_silent_on_the_TPT_link_from_a_derived_table_to_its_base_table_on_SQL_Server()
        {
            var report = Audit.SqlServer(b =>
            {
                b.Entity<Animal>().UseTptMappingStrategy();
                b.Entity<Dog>();
            });

            var link = report.Model.Entity("Dog").ForeignKeys.Single();
            Assert.EndsWith(".Animal", link.PrincipalEntityName);
            Assert.True(link.DeleteBehavior.Is(DeleteBehaviorKind.Cascade));
            Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
        }

        [Fact]
        public void SL1006_is_silent_on_a_relationship_to_a_TPC_type_with_derived_types()
        {
            // Garage.VehicleId -> Vehicle has no constraint (Vehicle rows live in two tables); Car.GarageId -> Garage does.
            var report = Audit.SqlServer(b =>
            {
                b.Entity<Vehicle>().UseTpcMappingStrategy();
                b.Entity<Car>();
                b.Entity<Garage>();
            });

            Assert.Empty(report.Of(RuleIds.MultipleCascadePaths));
        }

        [Fact]
        public void SL2004_is_silent_on_SQL_Server_key_and_foreign_key_strings_mapped_to_nvarchar_450()
        {
            var report = Audit.SqlServer(b =>
            {
                b.Entity<Country>().HasKey(c => c.Code);
                b.Entity<City>();
            });

            Assert.True(report.Model.Property("City", "CountryCode").MaxLength.Is(450));
            Assert.Empty(report.Of(RuleIds.ShortTextUnbounded, "Country"));
            Assert.Empty(report.Of(RuleIds.ShortTextUnbounded, "City"));
        }

        [Fact]
        public void SL1001_is_silent_on_the_filtered_unique_index_SQL_Server_puts_on_a_nullable_one_to_one_key()
        {
            var report = Audit.SqlServer(b => b.Entity<Passport>().HasOne(p => p.Holder).WithOne().HasForeignKey<Passport>(p => p.HolderId));

            var index = Assert.Single(report.Model.Entity("Passport").Indexes);
            Assert.Equal("[HolderId] IS NOT NULL", index.Filter);
            Assert.Empty(report.Of(RuleIds.ForeignKeyNotIndexed));
        }

        [Fact]
        public void SL3001_recognises_creation_and_revision_dates_and_a_timestamp_generated_on_add()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Cipher>();
                b.Entity<Ping>().Property(p => p.Stamp).HasDefaultValueSql("now()");
            });

            Assert.Empty(report.Of(RuleIds.MissingTimestamps, "Cipher"));
            Assert.Equal("updated", Assert.Single(report.Of(RuleIds.MissingTimestamps, "Ping")).Properties[FindingProperties.MissingTimestamps]);
        }

        [Fact]
        public void SL3001_is_silent_on_an_append_only_ledger_entry_with_a_creation_time()
        {
            var report = Audit.Npgsql(b => b.Entity<LedgerEntry>());

            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void SL2001_and_SL4001_read_a_fraction_from_Range()
        {
            var report = Audit.Npgsql(b => b.Entity<Coupon>());

            Assert.True(report.Model.Property("Coupon", "Discount").RangeMaximum.Is(1.0));
            Assert.Empty(report.Of(RuleIds.MoneyAsFloatingPoint));
            Assert.Contains("[Range]", report.Single(RuleIds.RangeWithoutCheckConstraint, "Coupon", "Discount").Message);
        }

        [Fact]
        public void SL2007_counts_a_unique_index_on_the_normalized_twin_and_spares_membership_emails()
        {
            var report = Audit.Npgsql(b =>
            {
                b.Entity<Member>().HasIndex(m => m.NormalizedUserName).IsUnique();
                b.Entity<Invitation>();
            });

            Assert.Empty(report.Of(RuleIds.UniqueCandidateWithoutIndex));
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Rules.ReviewerTraps
{
    // Declared where nullable reference types are on: Guid? says "optional", Vet? says so too.
    public abstract class PetRecord
    {
        public Guid? OwnerId { get; set; }

        public Owner? Owner { get; set; }

        public Vet? Vet { get; set; }
    }

    public class Owner
    {
        public Guid Id { get; set; }
    }

    public class Vet
    {
        public int Id { get; set; }
    }

    public class Customer
    {
        public int Id { get; set; }
    }

    public class SalesOrder
    {
        public int Id { get; set; }

        public int CustomerID { get; set; }

        public Customer Customer { get; set; } = null!;
    }

    public class Entity
    {
        public int Id { get; set; }
    }

    public class Remark
    {
        public int Id { get; set; }

        public int EntityId { get; set; }

        public int EntityTypeId { get; set; }
    }

    public class Animal
    {
        public int Id { get; set; }
    }

    public class Dog : Animal
    {
        public string Breed { get; set; } = "";
    }

    public class Vehicle
    {
        public int Id { get; set; }
    }

    public class Car : Vehicle
    {
        public int GarageId { get; set; }

        public Garage Garage { get; set; } = null!;
    }

    public class Garage
    {
        public int Id { get; set; }

        public int VehicleId { get; set; }

        public Vehicle Vehicle { get; set; } = null!;
    }

    public class Country
    {
        public string Code { get; set; } = "";
    }

    public class City
    {
        public int Id { get; set; }

        public string CountryCode { get; set; } = "";

        public Country Country { get; set; } = null!;
    }

    public class Person
    {
        public int Id { get; set; }
    }

    public class Passport
    {
        public int Id { get; set; }

        public int? HolderId { get; set; }

        public Person? Holder { get; set; }
    }

    public class Cipher
    {
        public Guid Id { get; set; }

        public DateTime CreationDate { get; set; }

        public DateTime RevisionDate { get; set; }
    }

    public class Ping
    {
        public int Id { get; set; }

        public DateTimeOffset Stamp { get; set; }
    }

    public class LedgerEntry
    {
        public long Id { get; set; }

        public decimal Amount { get; set; }

        public DateTime Timestamp { get; set; }
    }

    public class Coupon
    {
        public int Id { get; set; }

        [Range(0.0, 1.0)]
        public double Discount { get; set; }
    }

    public class Member
    {
        public int Id { get; set; }

        [MaxLength(256)]
        public string UserName { get; set; } = "";

        [MaxLength(256)]
        public string NormalizedUserName { get; set; } = "";
    }

    public class Invitation
    {
        public int Id { get; set; }

        [MaxLength(254)]
        public string Email { get; set; } = "";
    }

#nullable disable
    // The EF class lives where nullable reference types are off; what it inherits was declared where they are on.
    public class Pet : PetRecord
    {
        public int Id { get; set; }

        public string Name { get; set; }
    }

    public class BlogPost
    {
        public int Id { get; set; }
    }

    public class LegacyComment
    {
        public int Id { get; set; }

        public int? PostId { get; set; }

        public BlogPost Post { get; set; }
    }
#nullable restore
}
