using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Mapping.Library;

namespace SchemaLint.EntityFrameworkCore.Tests.Mapping
{
    public class EfSchemaReaderTests
    {
        [Fact]
        public void Reads_check_constraints_from_the_design_time_model()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>().ToTable(t => t.HasCheckConstraint("CK_Book_Pages", "\"Pages\" > 0")));

            var constraint = Assert.Single(model.Entity("Book").CheckConstraints);
            Assert.Equal("\"Pages\" > 0", constraint.Sql);
        }

        [Fact]
        public void Maps_the_npgsql_provider_to_postgresql()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>());

            Assert.Equal(DatabaseProvider.PostgreSql, model.Provider);
        }

        [Fact]
        public void Reads_reference_nullability_from_the_clr_property()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>());

            Assert.Equal(ReferenceNullability.NotAnnotated, model.Property("Book", "Title").ReferenceNullability.Value);
            Assert.Equal(ReferenceNullability.Annotated, model.Property("Book", "Subtitle").ReferenceNullability.Value);
            Assert.Equal(ReferenceNullability.NotApplicable, model.Property("Book", "Pages").ReferenceNullability.Value);
            Assert.True(model.Entity("Book").NullableReferenceTypes.Is(true));
        }

        [Fact]
        public void Reads_oblivious_code_as_oblivious()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<LegacyBook>());

            Assert.Equal(ReferenceNullability.Oblivious, model.Property("LegacyBook", "Title").ReferenceNullability.Value);
            Assert.True(model.Entity("LegacyBook").NullableReferenceTypes.Is(false));
        }

        [Fact]
        public void Requiredness_by_nullable_reference_types_is_not_declared_requiredness()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>());

            Assert.Equal(DeclaredRequiredness.Unspecified, model.Property("Book", "Title").DeclaredRequiredness.Value);
            Assert.True(model.Property("Book", "Title").IsColumnNullable.Is(false));
        }

        [Fact]
        public void Required_attribute_is_declared_requiredness()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<LegacyBook>());

            Assert.Equal(DeclaredRequiredness.Required, model.Property("LegacyBook", "Isbn").DeclaredRequiredness.Value);
        }

        [Fact]
        public void Store_type_is_known_null_unless_configured_explicitly()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>().Property(x => x.Summary).HasColumnType("varchar(300)"));

            Assert.True(model.Property("Book", "Title").StoreType.Is(null));
            Assert.Equal("text", model.Property("Book", "Title").ProviderStoreType.Value);
            Assert.Equal("varchar(300)", model.Property("Book", "Summary").StoreType.Value);
            Assert.Equal(300, model.Property("Book", "Summary").MaxLength.Value);
        }

        [Fact]
        public void Reads_precision_defaults_and_value_generation()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>(x =>
            {
                x.Property(p => p.Price).HasPrecision(10, 2).HasDefaultValue(0m);
                x.Property(p => p.AddedAt).HasDefaultValueSql("now()");
            }));

            var price = model.Property("Book", "Price");
            Assert.Equal((10, 2), (price.Precision.Value, price.Scale.Value));
            Assert.True(price.HasDefaultValue.Is(true));
            Assert.Equal("now()", model.Property("Book", "AddedAt").DefaultValueSql.Value);
            Assert.Equal(ValueGeneration.OnAdd, model.Property("Book", "Id").ValueGenerated.Value);
        }

        [Fact]
        public void Reads_enums_nullable_value_types_and_range_validation()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>());

            Assert.True(model.Property("Book", "Format").IsEnum);
            Assert.True(model.Property("Book", "PublishedOn").IsNullableValueType);
            Assert.Equal("System.DateOnly", model.Property("Book", "PublishedOn").ClrType);
            Assert.True(model.Property("Book", "Pages").HasRangeValidation.Is(true));
        }

        [Fact]
        public void Reads_foreign_keys_with_principal_key_navigations_and_delete_behavior()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Loan>().HasOne(l => l.Book).WithMany(x => x.Loans).OnDelete(DeleteBehavior.Restrict));

            var foreignKey = Assert.Single(model.Entity("Loan").ForeignKeys);
            Assert.Equal(new[] { "BookId" }, foreignKey.PropertyNames);
            Assert.Equal(typeof(Book).FullName, foreignKey.PrincipalEntityName);
            Assert.Equal(new[] { "Id" }, foreignKey.PrincipalKeyPropertyNames);
            Assert.Equal(("Book", "Loans"), (foreignKey.DependentNavigation, foreignKey.PrincipalNavigation));
            Assert.Equal(DeleteBehaviorKind.Restrict, foreignKey.DeleteBehavior.Value);
            Assert.True(foreignKey.IsDeleteBehaviorExplicit.Is(true));
            Assert.Equal(DeclaredRequiredness.Required, foreignKey.DeclaredRequiredness.Value);
        }

        [Fact]
        public void Conventional_delete_behavior_is_not_explicit()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Loan>());

            Assert.True(Assert.Single(model.Entity("Loan").ForeignKeys).IsDeleteBehaviorExplicit.Is(false));
        }

        [Fact]
        public void Reads_keys_and_unique_filtered_indexes()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>().HasIndex(x => x.Isbn).IsUnique().HasFilter("\"Isbn\" IS NOT NULL"));

            var book = model.Entity("Book");
            Assert.True(Assert.Single(book.Keys).IsPrimary);
            var index = Assert.Single(book.Indexes);
            Assert.True(index.IsUnique);
            Assert.Equal("\"Isbn\" IS NOT NULL", index.Filter);
        }

        [Fact]
        public void Reads_tph_strategy_base_type_and_shared_column_nullability()
        {
            var model = Audit.ReadNpgsql(b =>
            {
                b.Entity<Book>();
                b.Entity<AudioBook>();
            });

            var audio = model.Entity("AudioBook");
            Assert.Equal(typeof(Book).FullName, audio.BaseTypeName);
            Assert.Equal(InheritanceStrategy.Tph, model.Entity("Book").InheritanceStrategy.Value);
            Assert.True(model.Property("AudioBook", "Minutes").IsColumnNullable.Is(true));
            Assert.True(model.Property("Book", "Discriminator").IsShadow);
        }

        [Fact]
        public void Reads_tpt_strategy()
        {
            var model = Audit.ReadNpgsql(b =>
            {
                b.Entity<Book>().UseTptMappingStrategy();
                b.Entity<AudioBook>();
            });

            Assert.Equal(InheritanceStrategy.Tpt, model.Entity("AudioBook").InheritanceStrategy.Value);
            Assert.True(model.Property("AudioBook", "Minutes").IsColumnNullable.Is(false));
        }

        [Fact]
        public void Reads_owned_and_json_owned_types()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Author>(a =>
            {
                a.OwnsOne(x => x.Home);
                a.OwnsOne(x => x.Office, o => o.ToJson());
            }));

            var owned = model.Entities.Where(e => e.IsOwned).ToDictionary(e => e.Name);
            Assert.Equal(TableMappingKind.Table, owned[typeof(Author).FullName + ".Home#Address"].Mapping.Value);
            Assert.Equal(TableMappingKind.Json, owned[typeof(Author).FullName + ".Office#Address"].Mapping.Value);
            Assert.Contains(model.Entity("Author").ForeignKeys.Concat(owned.Values.SelectMany(e => e.ForeignKeys)), f => f.IsOwnership);
        }

        [Fact]
        public void Reads_the_join_entity_of_a_skip_navigation_as_a_property_bag()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Author>(a =>
            {
                a.OwnsOne(x => x.Home);
                a.OwnsOne(x => x.Office);
                a.HasMany(x => x.Books).WithMany();
            }));

            var join = Assert.Single(model.Entities, e => e.IsJoinEntity);
            Assert.True(join.IsPropertyBag);
            Assert.Equal(2, join.ForeignKeys.Count);
        }

        [Fact]
        public void Reads_keyless_view_sql_query_and_function_mappings()
        {
            var model = Audit.ReadNpgsql(b =>
            {
                b.Entity<ShelfCount>().HasNoKey().ToView("shelf_counts", "reports");
                b.Entity<LoanCount>().HasNoKey().ToSqlQuery("select 1 as \"Count\"");
            });

            var view = model.Entity("ShelfCount");
            Assert.Equal((TableMappingKind.View, "shelf_counts", "reports"), (view.Mapping.Value, view.TableName, view.Schema));
            Assert.True(view.IsKeyless.Is(true));
            Assert.Equal(TableMappingKind.SqlQuery, model.Entity("LoanCount").Mapping.Value);
        }

        [Fact]
        public void Reads_shadow_properties()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>().Property<DateTime>("UpdatedAt"));

            var shadow = model.Property("Book", "UpdatedAt");
            Assert.True(shadow.IsShadow);
            Assert.Equal(ReferenceNullability.NotApplicable, shadow.ReferenceNullability.Value);
        }

        [Fact]
        public void Complex_properties_leave_the_entity_incomplete_with_a_note()
        {
            var notes = new List<string>();

            var model = Audit.ReadNpgsql(b => b.Entity<Author>(a =>
            {
                a.Ignore(x => x.Office);
                a.ComplexProperty(x => x.Home);
            }), notes);

            Assert.False(model.Entity("Author").IsComplete(ModelCompleteness.Properties));
            Assert.Contains(notes, n => n.Contains("complex properties (Home)"));
        }

        [Fact]
        public void Runtime_front_end_sees_no_source()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Book>());

            Assert.False(model.Code.IsObserved);
        }

        [Fact]
        public void Reading_opens_no_connection()
        {
            using var context = ModelContext.Npgsql(b => b.Entity<Book>());

            EfSchemaReader.Read(context);

            Assert.Equal(System.Data.ConnectionState.Closed, context.Database.GetDbConnection().State);
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Mapping.Library
{
    public enum BookFormat
    {
        Paperback,
        Hardcover,
    }

    public class Book
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        public string? Subtitle { get; set; }

        public string Summary { get; set; } = "";

        public string? Isbn { get; set; }

        [Range(1, 10000)]
        public int Pages { get; set; }

        public decimal Price { get; set; }

        public DateTime AddedAt { get; set; }

        public DateOnly? PublishedOn { get; set; }

        public BookFormat Format { get; set; }

        public List<Loan> Loans { get; set; } = new();
    }

    public class AudioBook : Book
    {
        public int Minutes { get; set; }
    }

    public class Loan
    {
        public int Id { get; set; }

        public int BookId { get; set; }

        public Book Book { get; set; } = null!;
    }

    public class Author
    {
        public int Id { get; set; }

        public Address Home { get; set; } = new();

        public Address Office { get; set; } = new();

        public List<Book> Books { get; set; } = new();
    }

    public class Address
    {
        public string Street { get; set; } = "";
    }

    public class ShelfCount
    {
        public string Shelf { get; set; } = "";

        public int Count { get; set; }
    }

    public class LoanCount
    {
        public int Count { get; set; }
    }
}

#nullable disable
namespace SchemaLint.EntityFrameworkCore.Tests.Mapping.Library
{
    public class LegacyBook
    {
        public int Id { get; set; }

        public string Title { get; set; }

        [Required]
        public string Isbn { get; set; }
    }
}
#nullable restore
