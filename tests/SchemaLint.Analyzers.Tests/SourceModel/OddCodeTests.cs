using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>Code EF Core rejects or that is still being typed: the reader ends, never throws, and keeps what it can.</summary>
public class OddCodeTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public void A_cycle_of_owned_types_ends_and_leaves_the_owner_unknown()
    {
        var model = Guarded("""
            public class AppContext : DbContext { public DbSet<Root> Roots => Set<Root>(); public DbSet<Other> Others => Set<Other>(); }
            public class Root { public int Id { get; set; } public A? A { get; set; } }
            [Owned] public class A { public B? B { get; set; } }
            [Owned] public class B { public C? C { get; set; } }
            [Owned] public class C { public A? A { get; set; } }
            public class Other { public int Id { get; set; } public double Price { get; set; } }
            """);
        Assert.Equal(ModelCompleteness.None, model.Entity("Root").Completeness);
        Assert.Equal(ModelCompleteness.All, model.Entity("Other").Completeness);
    }

    [Fact]
    public void Owned_types_declared_through_the_model_builder_in_a_cycle_end()
    {
        var model = Guarded("""
            public class AppContext : DbContext
            {
                public DbSet<Root> Roots => Set<Root>();
                protected override void OnModelCreating(ModelBuilder modelBuilder) { modelBuilder.Owned<A>(); modelBuilder.Owned<B>(); modelBuilder.Owned<C>(); }
            }
            public class Root { public int Id { get; set; } public A? A { get; set; } public List<Root> Children { get; set; } = new(); }
            public class A { public B? B { get; set; } }
            public class B { public C? C { get; set; } }
            public class C { public A? A { get; set; } }
            """);
        Assert.Equal(ModelCompleteness.None, model.Entity("Root").Completeness);
    }

    [Theory]
    [InlineData("""modelBuilder.Entity<Post>().Property<string>("");""")]
    [InlineData("""modelBuilder.Entity<Post>().Property<string>("   ");""")]
    [InlineData("""modelBuilder.Entity<Post>().HasOne(p => p.Blog).WithMany().HasForeignKey("");""")]
    [InlineData("""modelBuilder.Entity<Post>().HasDiscriminator<string>("");""")]
    [InlineData("""modelBuilder.Entity<Post>().Property<string>(" """)]
    public void An_empty_or_unfinished_name_states_nothing_and_does_not_throw(string statement)
    {
        var model = Guarded($$"""
            public class BlogContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    {{statement}}
                    modelBuilder.Entity<Blog>().Property(b => b.Name).HasMaxLength(40);
                }
            }
            public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """);
        Assert.DoesNotContain(model.Entity("Post").Properties, p => string.IsNullOrWhiteSpace(p.Name));

        // An unterminated string folds the next line into the statement: Blog's length may become unknown, never wrong.
        var length = model.Entity("Blog").Property("Name").MaxLength;
        Assert.True(!length.IsKnown || length.Value == 40);
    }

    [Fact]
    public void Two_closed_versions_of_one_generic_class_are_two_entity_types_named_as_EF_names_them()
    {
        var model = Guarded("""
            namespace M
            {
                public class AppContext : DbContext { public DbSet<Wrapper<int>> Numbers => Set<Wrapper<int>>(); public DbSet<Wrapper<string>> Texts => Set<Wrapper<string>>(); }
                public class Wrapper<T> { public int Id { get; set; } public T Value { get; set; } = default!; }
            }
            """);
        Assert.Equal(new[] { "M.Wrapper<int>", "M.Wrapper<string>" }, model.Entities.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_nested_entity_type_is_named_with_a_plus_as_EF_names_it()
    {
        var model = Guarded("""
            namespace M
            {
                public class AppContext : DbContext { public DbSet<Outer.Inner> Inners => Set<Outer.Inner>(); }
                public class Outer { public class Inner { public int Id { get; set; } } }
            }
            """);
        Assert.Equal("M.Outer+Inner", Assert.Single(model.Entities).Name);
    }

    /// <summary>Builds the one context's model even from code with errors, failing (not hanging) past the guard.</summary>
    private static SchemaModel Guarded(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Model.cs");
        var compilation = CSharpCompilation.Create("Odd", new[] { tree }, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var guard = new CancellationTokenSource(HangGuard);
        return SourceSchemaBuilder.Build(compilation, EfSymbols.TryCreate(compilation)!, SchemaLintOptions.Default, guard.Token).Models.Single();
    }
}
