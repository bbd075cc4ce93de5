using SchemaLint.Core.Model;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

public class FluentApiTests
{
    private static string Context(string onModelCreating) => $$"""
        public class ShopContext : DbContext
        {
            public DbSet<Product> Products => Set<Product>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                {{onModelCreating}}
            }
        }
        public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Price { get; set; } public string Code { get; set; } = ""; }

        """;

    [Fact]
    public void HasMaxLength_fact_points_at_the_call()
    {
        var compilation = Compile(Context("modelBuilder.Entity<Product>().Property(p => p.Name).HasMaxLength(50);"));
        var name = Build(compilation).Models.Single().Entity("Product").Property("Name");
        Assert.Equal(50, name.MaxLength.Value);
        Assert.Equal("HasMaxLength(50)", name.MaxLength.Location.Text(compilation));
    }

    [Fact]
    public void Reads_a_lambda_body_with_several_statements_and_a_local_builder()
    {
        var product = Model(Context("""
            modelBuilder.Entity<Product>(b =>
            {
                var price = b.Property(p => p.Price);
                price.HasPrecision(10, 2);
                b.HasIndex(p => p.Code).IsUnique();
                b.ToTable("products", "shop");
            });
            """)).Entity("Product");
        Assert.Equal(10, product.Property("Price").Precision.Value);
        Assert.Equal(2, product.Property("Price").Scale.Value);
        Assert.Contains(product.Indexes, i => i.IsUnique && i.PropertyNames.SequenceEqual(new[] { "Code" }));
        Assert.Equal("products", product.TableName);
        Assert.Equal("shop", product.Schema);
    }

    [Fact]
    public void Shadow_property_gets_its_type_and_the_call_location()
    {
        var compilation = Compile(Context("""modelBuilder.Entity<Product>().Property<DateTime>("CreatedAt").HasDefaultValueSql("now()");"""));
        var created = Build(compilation).Models.Single().Entity("Product").Property("CreatedAt");
        Assert.True(created.IsShadow);
        Assert.Equal("System.DateTime", created.ClrType);
        Assert.Equal("now()", created.DefaultValueSql.Value);
        Assert.True(created.ValueGenerated.Is(ValueGeneration.OnAdd));
        Assert.Equal("""Property<DateTime>("CreatedAt")""", created.Location.Text(compilation));
    }

    [Fact]
    public void Check_constraints_in_both_forms()
    {
        var product = Model(Context("""
            modelBuilder.Entity<Product>().ToTable(t => t.HasCheckConstraint("CK_price", "\"Price\" > 0"));
            #pragma warning disable CS0618
            modelBuilder.Entity<Product>().HasCheckConstraint("CK_code", "length(\"Code\") > 0");
            #pragma warning restore CS0618
            """)).Entity("Product");
        Assert.Equal(new[] { "CK_price", "CK_code" }, product.CheckConstraints.Select(c => c.Name));
        Assert.True(product.IsComplete(ModelCompleteness.CheckConstraints));
    }

    [Fact]
    public void Relationship_location_is_the_HasOne_call_and_OnDelete_is_explicit()
    {
        var compilation = Compile("""
            public class BlogContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany(b => b.Posts).OnDelete(DeleteBehavior.Restrict);
            }
            public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """);
        var foreignKey = Assert.Single(Build(compilation).Models.Single().Entity("Post").ForeignKeys);
        Assert.Equal(new[] { "BlogId" }, foreignKey.PropertyNames);
        Assert.Equal("HasOne(p => p.Blog)", foreignKey.Location.Text(compilation));
        Assert.True(foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.Restrict));
        Assert.True(foreignKey.IsDeleteBehaviorExplicit.Is(true));
        Assert.Equal("OnDelete(DeleteBehavior.Restrict)", foreignKey.DeleteBehavior.Location.Text(compilation));
    }

    [Fact]
    public void Configuration_class_applied_explicitly_configures_its_entity()
    {
        var product = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
            }
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80).IsRequired();
            }
            """).Entity("Product");
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
        Assert.True(product.Property("Name").DeclaredRequiredness.Is(DeclaredRequiredness.Required));
    }

    [Fact]
    public void The_Configure_a_configuration_class_runs_is_the_one_with_one_parameter_among_its_overloads()
    {
        var product = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new ProductConfiguration());
            }
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder, int length) => builder.Property(p => p.Name).HasMaxLength(length);
                public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """).Entity("Product");
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    private static EntityTypeModel ProductConfiguredBy(string configuration) => Model($$"""
        public class ShopContext : DbContext
        {
            public DbSet<Product> Products => Set<Product>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
        }
        public class Product { public int Id { get; set; } public string Name { get; set; } = ""; }
        {{configuration}}
        """).Entity("Product");

    [Fact]
    public void An_explicitly_implemented_Configure_is_the_one_ApplyConfiguration_runs()
    {
        var product = ProductConfiguredBy("""
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                void IEntityTypeConfiguration<Product>.Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """);
        Assert.Equal(ModelCompleteness.All, product.Completeness);
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void A_Configure_that_is_not_public_is_a_helper_the_interface_call_never_runs()
    {
        var product = ProductConfiguredBy("""
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                private void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(10);
                void IEntityTypeConfiguration<Product>.Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """);
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void An_explicit_Configure_in_a_generic_base_configuration_runs_the_override_of_the_class_applied()
    {
        var product = ProductConfiguredBy("""
            public abstract class EntityConfiguration<T> : IEntityTypeConfiguration<T> where T : class
            {
                void IEntityTypeConfiguration<T>.Configure(EntityTypeBuilder<T> builder) => ConfigureEntity(builder);
                protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
            }
            public class ProductConfiguration : EntityConfiguration<Product>
            {
                protected override void ConfigureEntity(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """);
        Assert.Equal(ModelCompleteness.All, product.Completeness);
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void A_class_configuring_two_entity_types_runs_the_Configure_of_each_interface()
    {
        var model = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Tag> Tags => Set<Tag>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
            }
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Tag { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class CatalogConfiguration : IEntityTypeConfiguration<Product>, IEntityTypeConfiguration<Tag>
            {
                public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
                public void Configure(EntityTypeBuilder<Tag> builder) => builder.Property(t => t.Name).HasMaxLength(20);
            }
            """);
        Assert.Equal(80, model.Entity("Product").Property("Name").MaxLength.Value);
        Assert.Equal(20, model.Entity("Tag").Property("Name").MaxLength.Value);
    }

    [Fact]
    public void A_public_Configure_in_a_generic_base_runs_the_abstract_method_the_configuration_overrides()
    {
        var product = ProductConfiguredBy("""
            public abstract class ModelConfiguration<TEntity> : IEntityTypeConfiguration<TEntity> where TEntity : class
            {
                public void Configure(EntityTypeBuilder<TEntity> entity) => ConfigureModel(entity);
                protected abstract void ConfigureModel(EntityTypeBuilder<TEntity> entity);
            }
            public class ProductConfiguration : ModelConfiguration<Product>
            {
                protected override void ConfigureModel(EntityTypeBuilder<Product> builder)
                {
                    builder.ToTable("product");
                    builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(80);
                }
            }
            """);
        Assert.Equal(ModelCompleteness.All, product.Completeness);
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void A_virtual_method_called_on_this_runs_the_override_of_the_configuration_applied()
    {
        var product = ProductConfiguredBy("""
            public class NamedConfiguration
            {
                public void Configure(EntityTypeBuilder<Product> builder) => ConfigureName(builder);
                protected virtual void ConfigureName(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(10);
            }
            public class ProductConfiguration : NamedConfiguration, IEntityTypeConfiguration<Product>
            {
                protected override void ConfigureName(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """);
        Assert.Equal(80, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void A_virtual_method_called_on_another_object_runs_that_objects_method_not_the_configurations_override()
    {
        var product = ProductConfiguredBy("""
            public class NameRules
            {
                public void Apply(EntityTypeBuilder<Product> builder) => ConfigureName(builder);
                protected virtual void ConfigureName(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(10);
            }
            public class ProductConfiguration : NameRules, IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder) => new NameRules().Apply(builder);
                protected override void ConfigureName(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(80);
            }
            """);
        Assert.Equal(10, product.Property("Name").MaxLength.Value);
    }

    [Fact]
    public void HasOne_on_a_navigation_without_a_setter_leaves_the_foreign_keys_unknown_and_the_columns_known()
    {
        // Conventions pass the get-only navigation over, so its type facts hold no member for it and the call binds it from
        // its symbol; the reader does not follow EF Core's backing field for a navigation, and abstains on foreign keys.
        var order = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.Entity<Order>().HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            }
            public class Order
            {
                private Customer _customer = null!;
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public Customer Customer => _customer;
            }
            public class Customer { public int Id { get; set; } public List<Order> Orders { get; set; } = new(); }
            """).Entity("Order");
        Assert.False(order.Completeness.HasFlag(ModelCompleteness.ForeignKeys));
        Assert.Empty(order.ForeignKeys);
        Assert.True(order.Completeness.HasFlag(ModelCompleteness.Properties));
        Assert.Equal(new[] { "Id", "CustomerId" }, order.Properties.Select(p => p.Name));
    }

    [Fact]
    public void An_entity_type_in_a_namespace_named_with_a_keyword_has_the_CLR_name_EF_Core_gives_it()
    {
        var model = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Shop.@event.Ticket> Tickets => Set<Shop.@event.Ticket>();
            }
            namespace Shop.@event
            {
                public class Ticket { public int Id { get; set; } }
            }
            """);
        Assert.Equal("Shop.event.Ticket", Assert.Single(model.Entities).Name);
    }

    [Fact]
    public void Global_conventions_outrank_annotations_but_not_the_Fluent_API()
    {
        var payment = Model("""
            public class PayContext : DbContext
            {
                public DbSet<Payment> Payments => Set<Payment>();
                protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.Properties<decimal>().HavePrecision(19, 4);
                protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Payment>().Property(p => p.Fee).HasPrecision(8, 2);
            }
            public class Payment { public int Id { get; set; } public decimal Amount { get; set; } [Precision(10, 2)] public decimal Tax { get; set; } public decimal Fee { get; set; } }
            """).Entity("Payment");
        Assert.Equal(19, payment.Property("Amount").Precision.Value);
        Assert.Equal(19, payment.Property("Tax").Precision.Value);
        Assert.Equal(8, payment.Property("Fee").Precision.Value);
    }

    [Fact]
    public void Entity_declared_in_a_referenced_project_is_configured_by_name()
    {
        var domain = Compile("public class Order { public int Id { get; set; } public string Number { get; set; } = \"\"; }");
        var context = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Persistence",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                using Microsoft.EntityFrameworkCore;
                public class OrderContext : DbContext
                {
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().Property(o => o.Number).HasMaxLength(30);
                }
                """, path: "/src/OrderContext.cs") },
            References.Add(domain.ToMetadataReference()),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        var order = Build(context).Models.Single().Entity("Order");
        Assert.Equal(30, order.Property("Number").MaxLength.Value);
        Assert.True(order.Property("Number").IsAssignedByCode.IsKnown is false);
    }
}
