using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit compares with the snapshot before's only the drafts it can have changed: those made from an edited
/// declaration or from model-building code that read edited code, and, from each that differs, the drafts related to it.
/// Every test of this suite also checks that no draft the search skips differs (<see cref="SearchCheck"/>).
/// </summary>
public sealed class DraftSearchTests
{
    private const string Context = ShopSources.ConfiguredContext;

    private const string Product = ShopSources.TitledProduct;

    private const string ProductConfiguration = ShopSources.ProductConfiguration;

    private const string Limits = ShopSources.Limits;

    private const string ProductTitle = "public string Title { get; set; } = \"\";";

    private static Compilation Shop(out SyntaxTree first)
    {
        var (compilation, _) = Analyzed(Context, ShopSources.Order, ShopSources.Customer, Product, ShopSources.Invoice, ProductConfiguration, Limits);
        first = compilation.SyntaxTrees.First();
        return compilation;
    }

    [Fact]
    public void A_property_added_to_an_entity_type_nothing_relates_to_compares_only_its_draft()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 3, ProductTitle, ProductTitle + "\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal(3, SchemaCache.EntityTypesKeptFor(first));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_principal_that_differs_has_its_dependents_compared_too()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 2, "public List<Order> Orders", "public string Code { get; set; } = \"\";\n    public List<Order> Orders");
        var schema = Schema(edited);

        // Customer, which differs, and Order, which names it; Product and Invoice are neither compared nor emitted again.
        Assert.Equal(2, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal(2, SchemaCache.EntityTypesKeptFor(first));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_draft_compared_and_found_the_same_is_kept()
    {
        var compilation = Shop(out var first);

        // The configuration of Product reads a constant from this file, so Product is compared; a comment changes nothing it holds.
        var edited = Edit(compilation, 6, "public const int ProductTitle = 50;", "public const int ProductTitle = 50; // a catalogue's longest title");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal(4, SchemaCache.EntityTypesKeptFor(first));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_constant_edited_in_another_file_has_the_drafts_configured_with_it_compared()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 6, "ProductTitle = 50", "ProductTitle = 80");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal(80, schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "Title").MaxLength.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_edit_to_a_configuration_class_compares_the_entity_type_it_configures()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 5, ".HasMaxLength(Limits.ProductTitle)", ".HasMaxLength(Limits.ProductTitle).IsRequired()");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_navigation_removed_has_the_entity_type_it_reached_compared_though_nothing_names_that_now()
    {
        const string context = RuleVerifier.Usings + """
            public class BlogContext : DbContext
            {
                public DbSet<Blog> Blogs => Set<Blog>();
                public DbSet<Post> Posts => Set<Post>();
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """;
        const string blog = RuleVerifier.Usings + """
            public class Blog
            {
                public int Id { get; set; }
                public List<Post> Entries { get; set; } = new();
            }
            """;
        const string post = RuleVerifier.Usings + """
            public class Post
            {
                public int Id { get; set; }
            }
            """;
        const string tag = RuleVerifier.Usings + """
            public class Tag
            {
                public int Id { get; set; }
            }
            """;
        var (compilation, _) = Analyzed(context, blog, post, tag);
        var first = compilation.SyntaxTrees.First();

        // Post's shadow foreign key to Blog came from Blog's collection alone: only the snapshot before relates Post to Blog.
        var edited = Edit(compilation, 1, "public List<Post> Entries { get; set; } = new();", "");
        var schema = Schema(edited);

        Assert.Equal(2, SchemaCache.EntityTypesComparedFor(first));
        Assert.Empty(schema.Models.Single().FindEntity("Post")!.ForeignKeys);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_statement_added_to_OnModelCreating_compares_the_drafts_it_reaches_not_every_set()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 0, "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Entity<Invoice>().HasIndex(i => i.CreatedAt);");
        var schema = Schema(edited);

        // Product (its configuration is applied from there) and Invoice; Order and Customer, whose sets stay, are not compared.
        Assert.Equal(2, SchemaCache.EntityTypesComparedFor(first));
        Assert.Single(schema.Models.Single().FindEntity("Invoice")!.Indexes);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_set_renamed_has_the_drafts_it_and_the_sets_after_it_expose_compared()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 0, "public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Purchases => Set<Order>();");
        var schema = Schema(edited);

        // The sets after it keep their names but follow another set now, and the sets' order places the drafts.
        Assert.Equal(4, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal("Purchases", schema.Models.Single().FindEntity("Order")!.TableName);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_set_renamed_after_the_others_leaves_the_drafts_they_expose_uncompared()
    {
        var compilation = Shop(out var first);

        var edited = Edit(compilation, 0, "public DbSet<Invoice> Invoices => Set<Invoice>();", "public DbSet<Invoice> Bills => Set<Invoice>();");
        var schema = Schema(edited);

        // Invoice, and Product, which OnModelCreating configures: the shorter name moved OnModelCreating's calls.
        Assert.Equal(2, SchemaCache.EntityTypesComparedFor(first));
        Assert.Equal("Bills", schema.Models.Single().FindEntity("Invoice")!.TableName);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }
}
