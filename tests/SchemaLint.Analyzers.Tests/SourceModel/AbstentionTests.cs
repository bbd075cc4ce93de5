using SchemaLint.Core.Model;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

public class AbstentionTests
{
    private const string Entities = """
        public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; public List<Post> Posts { get; set; } = new(); }
        public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; public string Title { get; set; } = ""; }

        """;

    private static string Context(string onModelCreating, string members = "") => $$"""
        public class BlogContext : DbContext
        {
            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Post> Posts => Set<Post>();
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                {{onModelCreating}}
            }
            {{members}}
        }

        """ + Entities;

    [Fact]
    public void Loop_over_entity_types_makes_every_fact_unknown()
    {
        var model = Model(Context("""
            foreach (var entity in modelBuilder.Model.GetEntityTypes())
                foreach (var key in entity.GetForeignKeys()) key.DeleteBehavior = DeleteBehavior.Restrict;
            """));
        Assert.False(model.IsEntitySetComplete);
        var post = model.Entity("Post");
        Assert.Equal(ModelCompleteness.None, post.Completeness);
        Assert.Empty(post.ForeignKeys);
        Assert.False(post.Property("Title").IsColumnNullable.IsKnown);
    }

    [Fact]
    public void Helper_method_taking_the_entity_builder_is_read_as_if_written_in_place()
    {
        var model = Model(Context(
            "modelBuilder.Entity<Blog>(b => Configure(b));\nmodelBuilder.Entity<Post>().Property(p => p.Title).HasMaxLength(100);",
            "private static void Configure(EntityTypeBuilder<Blog> builder) => builder.Property(b => b.Name).HasMaxLength(10);"));
        Assert.True(model.IsEntitySetComplete);
        Assert.Equal(10, model.Entity("Blog").Property("Name").MaxLength.Value);
        Assert.Equal(ModelCompleteness.All, model.Entity("Blog").Completeness);
        Assert.Equal(100, model.Entity("Post").Property("Title").MaxLength.Value);
    }

    [Fact]
    public void Helper_that_loops_over_metadata_makes_that_entity_unknown_only()
    {
        var model = Model(Context(
            "modelBuilder.Entity<Blog>(b => Configure(b));\nmodelBuilder.Entity<Post>().Property(p => p.Title).HasMaxLength(100);",
            "private static void Configure(EntityTypeBuilder<Blog> builder) { foreach (var key in builder.Metadata.GetForeignKeys()) key.DeleteBehavior = DeleteBehavior.Restrict; }"));
        Assert.True(model.IsEntitySetComplete);
        Assert.Equal(ModelCompleteness.None, model.Entity("Blog").Completeness);
        Assert.False(model.Entity("Blog").Property("Name").MaxLength.IsKnown);
        Assert.Equal(100, model.Entity("Post").Property("Title").MaxLength.Value);
    }

    [Fact]
    public void Relationship_touching_an_unfollowable_entity_is_left_out_and_marked_incomplete()
    {
        var post = Model(Context(
            "modelBuilder.Entity<Blog>(b => Configure(b));",
            "private static void Configure(EntityTypeBuilder<Blog> builder) { foreach (var key in builder.Metadata.GetForeignKeys()) key.DeleteBehavior = DeleteBehavior.Restrict; }")).Entity("Post");
        Assert.Empty(post.ForeignKeys);
        Assert.False(post.IsComplete(ModelCompleteness.ForeignKeys));
        Assert.False(post.IsComplete(ModelCompleteness.Indexes));
    }

    [Fact]
    public void Unrecognised_property_call_makes_that_property_unknown()
    {
        var post = Model(Context("""modelBuilder.Entity<Post>().Property(p => p.Title).HasValueGenerator<Microsoft.EntityFrameworkCore.ValueGeneration.StringValueGenerator>().HasMaxLength(20);""")).Entity("Post");
        Assert.False(post.Property("Title").MaxLength.IsKnown);
        Assert.True(post.Property("Id").IsColumnNullable.Is(false));
        Assert.Equal(ModelCompleteness.All, post.Completeness);
    }

    [Fact]
    public void Annotation_on_a_property_changes_no_fact()
    {
        var post = Model(Context("""modelBuilder.Entity<Post>().Property(p => p.Title).HasAnnotation("x", 1).HasMaxLength(20);""")).Entity("Post");
        Assert.Equal(20, post.Property("Title").MaxLength.Value);
    }

    [Fact]
    public void Configuration_from_another_assembly_makes_the_model_unknown()
    {
        var model = Model(Context("modelBuilder.ApplyConfigurationsFromAssembly(typeof(string).Assembly);"));
        Assert.False(model.IsEntitySetComplete);
        Assert.False(model.Entity("Blog").IsKeyless.IsKnown);
    }

    [Fact]
    public void Generic_argument_binds_to_the_type_in_scope_when_two_types_share_its_name()
    {
        var model = Build(Compile(Context("modelBuilder.Entity<Post>().Property(p => p.Title).HasMaxLength(5);") + """
            namespace Other { public class Post { public int Id { get; set; } public string Title { get; set; } = ""; } }
            """)).Models.Single();
        Assert.True(model.IsEntitySetComplete);
        Assert.Equal(5, model.Entity("Post").Property("Title").MaxLength.Value);
        Assert.DoesNotContain(model.Entities, e => e.Name == "Other.Post");
    }

    [Fact]
    public void Unknown_convention_removal_makes_the_model_unknown()
    {
        var model = Model(Context("", """
            protected override void ConfigureConventions(ModelConfigurationBuilder builder) => builder.Conventions.Remove(typeof(KeyDiscoveryConvention));
            """));
        Assert.False(model.IsEntitySetComplete);
    }

    [Fact]
    public void A_guard_clause_on_the_model_builder_changes_nothing()
    {
        var model = Model(Context("""
            ArgumentNullException.ThrowIfNull(modelBuilder);
            modelBuilder.Entity<Post>().Property(p => p.Title).HasMaxLength(100);
            """));
        Assert.True(model.IsEntitySetComplete);
        Assert.Null(model.UnknownReason);
        Assert.Equal(100, model.Entity("Post").Property("Title").MaxLength.Value);
    }

    [Fact]
    public void A_table_name_computed_at_run_time_keeps_the_entity_known()
    {
        var model = Model(Context("""
            modelBuilder.Entity<Post>().ToTable(TableNames.Posts, "blog").Property(p => p.Title).HasMaxLength(100);
            """, "private static class TableNames { public static string Posts => \"posts\"; }"));
        var post = model.Entity("Post");
        Assert.Equal(ModelCompleteness.All, post.Completeness);
        Assert.Equal(100, post.Property("Title").MaxLength.Value);
        Assert.NotEqual(model.Entity("Blog").TableName, post.TableName);
    }
}
