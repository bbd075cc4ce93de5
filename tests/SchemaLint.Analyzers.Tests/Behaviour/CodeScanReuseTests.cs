using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// What code writes is merged from every file's scan; a model edit makes that merge from the snapshot before's, merging
/// again only the files edited since, and the schema is the one a fresh extraction gives.
/// </summary>
public sealed class CodeScanReuseTests
{
    private const string Context = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Product> Products => Set<Product>();
            public DbSet<Supplier> Suppliers => Set<Supplier>();
        }
        """;

    private const string Product = RuleVerifier.Usings + """
        public class Product
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
            public DateTime UpdatedAt { get; set; }
        }
        """;

    private const string Supplier = RuleVerifier.Usings + """
        public class Supplier
        {
            public int Id { get; set; }
            public DateTime UpdatedAt { get; set; }
        }
        """;

    private const string Catalogue = RuleVerifier.Usings + """
        public static class Catalogue
        {
            public static void Rename(Product product, string name)
            {
                product.Name = name;
                product.UpdatedAt = DateTime.UtcNow;
            }
        }
        """;

    private static Compilation FirstSnapshot => Analyzed(Context, Product, Supplier, Catalogue).Compilation;

    [Fact]
    public void A_model_edit_merges_again_only_the_edited_file_s_code_scan()
    {
        var compilation = FirstSnapshot;

        var edited = Edit(compilation, 1, "public DateTime UpdatedAt { get; set; }", "public DateTime UpdatedAt { get; set; }\n    public DateTime StampedAt { get; set; } = DateTime.UtcNow;");
        var schema = Schema(edited);

        Assert.Equal(edited.SyntaxTrees.Count() - 1, SchemaCache.CodeScansTakenOverFor(compilation.SyntaxTrees.First()));
        Assert.True(schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "StampedAt").IsAssignedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_the_model_edit_removed_is_no_longer_seen()
    {
        var compilation = FirstSnapshot;

        var edited = Edit(compilation, 1, "public DateTime CreatedAt { get; set; } = DateTime.UtcNow;", "public DateTime CreatedAt { get; set; }\n    public int Stock { get; set; }");
        var schema = Schema(edited);

        Assert.False(schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "CreatedAt").IsAssignedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_model_edit_after_edits_inside_bodies_merges_again_every_file_edited_since()
    {
        var compilation = FirstSnapshot;
        var typed = Edit(compilation, 3, "product.UpdatedAt = DateTime.UtcNow;", "");
        Schema(typed);
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));

        var edited = Edit(typed, 2, "public DateTime UpdatedAt { get; set; }", "public DateTime UpdatedAt { get; set; }\n    public string Code { get; set; } = \"\";");
        var schema = Schema(edited);

        Assert.Equal(edited.SyntaxTrees.Count() - 2, SchemaCache.CodeScansTakenOverFor(compilation.SyntaxTrees.First()));
        Assert.False(schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "UpdatedAt").IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }
}
