using SchemaLint.Core.Model;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

public class ConventionTests
{
    [Fact]
    public void Discovers_keys_foreign_keys_and_the_foreign_key_index()
    {
        var post = Model("""
            public class BlogContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
            public class Blog { public int BlogId { get; set; } public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """).Entity("Post");
        Assert.Equal(new[] { "Id" }, post.PrimaryKey!.PropertyNames);
        var foreignKey = Assert.Single(post.ForeignKeys);
        Assert.Equal(new[] { "BlogId" }, foreignKey.PropertyNames);
        Assert.True(foreignKey.IsRequired.Is(true));
        Assert.True(foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.Cascade));
        Assert.True(foreignKey.IsDeleteBehaviorExplicit.Is(false));
        Assert.Contains(post.Indexes, i => i.PropertyNames.SequenceEqual(new[] { "BlogId" }));
    }

    [Fact]
    public void Incompatible_clr_property_leads_to_a_uniquified_shadow_foreign_key()
    {
        var post = Model("""
            public class BlogContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
            public class User { public int Id { get; set; } }
            public class Post { public int Id { get; set; } public long UserId { get; set; } public User User { get; set; } = null!; }
            """).Entity("Post");
        var foreignKey = Assert.Single(post.ForeignKeys);
        Assert.Equal(new[] { "UserId1" }, foreignKey.PropertyNames);
        Assert.True(post.Property("UserId1").IsShadow);
        Assert.True(post.Property("UserId1").IsColumnNullable.Is(false));
    }

    [Fact]
    public void Optional_collection_only_relationship_defaults_to_ClientSetNull()
    {
        var post = Model("""
            public class BlogContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); }
            public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } }
            """).Entity("Post");
        var foreignKey = Assert.Single(post.ForeignKeys);
        Assert.Equal(new[] { "BlogId" }, foreignKey.PropertyNames);
        Assert.True(foreignKey.IsRequired.Is(false));
        Assert.True(foreignKey.DeleteBehavior.Is(DeleteBehaviorKind.ClientSetNull));
        Assert.True(post.Property("BlogId").IsColumnNullable.Is(true));
    }

    [Fact]
    public void Removed_foreign_key_index_convention_leaves_the_foreign_key_unindexed()
    {
        var post = Model("""
            public class BlogContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.Conventions.Remove(typeof(ForeignKeyIndexConvention));
            }
            public class Blog { public int Id { get; set; } }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """).Entity("Post");
        Assert.Single(post.ForeignKeys);
        Assert.Empty(post.Indexes);
        Assert.True(post.IsComplete(ModelCompleteness.Indexes));
    }

    [Fact]
    public void Many_to_many_creates_a_join_entity()
    {
        var model = Model("""
            public class BlogContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
            public class Post { public int Id { get; set; } public List<Tag> Tags { get; set; } = new(); }
            public class Tag { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
            """);
        var join = model.Entity("PostTag");
        Assert.True(join.IsJoinEntity);
        Assert.Equal(new[] { "PostsId", "TagsId" }, join.PrimaryKey!.PropertyNames);
        Assert.Equal(2, join.ForeignKeys.Count);
    }

    [Fact]
    public void Owned_type_shares_the_owner_table_and_is_keyed_by_the_owner()
    {
        var model = Model("""
            public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
            public class Order { public int Id { get; set; } public Address Shipping { get; set; } = null!; }
            [Owned] public class Address { public string Street { get; set; } = ""; }
            """);
        var address = model.Entity("Address");
        Assert.True(address.IsOwned);
        Assert.Equal("Orders", address.TableName);
        Assert.Equal(new[] { "OrderId" }, address.PrimaryKey!.PropertyNames);
        Assert.True(Assert.Single(address.ForeignKeys).IsOwnership);
    }

    [Fact]
    public void Table_per_hierarchy_derived_columns_are_nullable_and_the_root_gets_a_discriminator()
    {
        var model = Model("""
            public class ZooContext : DbContext { public DbSet<Animal> Animals => Set<Animal>(); public DbSet<Dog> Dogs => Set<Dog>(); }
            public class Animal { public int Id { get; set; } }
            public class Dog : Animal { public int Age { get; set; } }
            """);
        var dog = model.Entity("Dog");
        Assert.Equal("Animal", dog.BaseTypeName);
        Assert.True(dog.Property("Age").IsColumnNullable.Is(true));
        Assert.True(model.Entity("Animal").InheritanceStrategy.Is(InheritanceStrategy.Tph));
        Assert.True(model.Entity("Animal").Property("Discriminator").IsShadow);
    }

    [Fact]
    public void Nullable_reference_types_decide_string_columns_and_relationship_intent()
    {
        var model = Model("""
            public class BlogContext : DbContext { public DbSet<Post> Posts => Set<Post>(); }
            public class Blog { public int Id { get; set; } }
            public class Post { public int Id { get; set; } public string Title { get; set; } = ""; public string? Subtitle { get; set; } public Blog Blog { get; set; } = null!; }
            """);
        var post = model.Entity("Post");
        Assert.True(post.Property("Title").IsColumnNullable.Is(false));
        Assert.True(post.Property("Subtitle").IsColumnNullable.Is(true));
        Assert.True(post.NullableReferenceTypes.Is(true));
        var foreignKey = Assert.Single(post.ForeignKeys);
        Assert.True(foreignKey.IsRequired.Is(true));
        Assert.True(foreignKey.DeclaredRequiredness.Is(DeclaredRequiredness.Required));
    }

    [Fact]
    public void Schema_lookup_finds_entity_types_by_symbol()
    {
        var compilation = Compile("""
            public class BlogContext : DbContext { public DbSet<Blog> Blogs => Set<Blog>(); }
            public class Blog { public int Id { get; set; } }
            public class NotAnEntity { }
            """);
        var schema = Build(compilation);
        Assert.True(schema.IsEntityType(compilation.GetTypeByMetadataName("Blog")!));
        Assert.False(schema.IsEntityType(compilation.GetTypeByMetadataName("NotAnEntity")!));
        Assert.Equal("Blog", Assert.Single(schema.EntitiesFor(compilation.GetTypeByMetadataName("Blog")!)).Entity.ShortName);
    }
}
