using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit takes the code scan's answers about what code writes from the snapshot before, unless the edit can have
/// changed them: a write or mention of the name in an edited file that is not the same as before, a write elsewhere whose
/// binding the edit changed, or code that writes in ways no name tells. The schema is always the one a fresh extraction
/// gives, and every answer taken over is checked against the code as well (<see cref="SearchCheck"/>).
/// </summary>
public sealed class AnswerTakeOverTests
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
            public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
            public DateTime CheckedAt { get; set; }
        }
        """;

    private const string Supplier = RuleVerifier.Usings + """
        public class Supplier
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
            public DateTime CheckedAt { get; set; }
        }
        """;

    private const string Shelf = RuleVerifier.Usings + """
        public class Shelf
        {
            public Supplier Item { get; set; } = new();
        }
        """;

    private const string Checks = RuleVerifier.Usings + """
        public static class Checks
        {
            public static void Check(Shelf shelf) => shelf.Item.CheckedAt = DateTime.UtcNow;
        }
        """;

    private static Compilation FirstSnapshot => Analyzed(Context, Product, Supplier, Shelf, Checks).Compilation;

    [Fact]
    public void A_model_edit_takes_over_the_answers_about_entity_types_it_left_alone()
    {
        var compilation = FirstSnapshot;

        var edited = Edit(compilation, 2, "public DateTime CheckedAt { get; set; }", "public DateTime CheckedAt { get; set; }\n    public string Code { get; set; } = \"\";");
        var schema = Schema(edited);

        Assert.True(SchemaCache.AnswersTakenOverFor(compilation.SyntaxTrees.First()) > 0);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_the_edited_file_adds_for_another_entity_type_is_asked_again()
    {
        var compilation = FirstSnapshot;
        Assert.False(Property(Schema(compilation), "Product", "CreatedAt").IsUpdatedByCode.Is(true));

        var edited = Edit(compilation, 2, "public DateTime CheckedAt { get; set; }", "public DateTime CheckedAt { get; set; }\n    public void Restamp(Product product) => product.CreatedAt = DateTime.UtcNow;");
        var schema = Schema(edited);

        Assert.True(Property(schema, "Product", "CreatedAt").IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_in_an_unedited_file_that_binds_elsewhere_after_the_edit_is_asked_again()
    {
        var compilation = FirstSnapshot;
        Assert.False(Property(Schema(compilation), "Product", "CheckedAt").IsUpdatedByCode.Is(true));

        var edited = Edit(compilation, 3, "public Supplier Item { get; set; } = new();", "public Product Item { get; set; } = new();");
        var schema = Schema(edited);

        Assert.True(Property(schema, "Product", "CheckedAt").IsUpdatedByCode.Is(true));
        Assert.False(Property(schema, "Supplier", "CheckedAt").IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_no_name_tells_in_the_edited_file_makes_every_answer_asked_again()
    {
        var compilation = FirstSnapshot;
        Assert.True(Property(Schema(compilation), "Product", "CheckedAt").IsUpdatedByCode.Is(false));

        var edited = Edit(
            compilation,
            2,
            "public DateTime CheckedAt { get; set; }",
            "public DateTime CheckedAt { get; set; }\n    public static void Stamp(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string column) => entry.CurrentValues[column] = DateTime.UtcNow;");
        var schema = Schema(edited);

        Assert.Equal(0, SchemaCache.AnswersTakenOverFor(compilation.SyntaxTrees.First()));
        Assert.False(Property(schema, "Product", "CheckedAt").IsUpdatedByCode.IsKnown);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_the_edit_leaves_as_it_was_in_the_edited_file_keeps_its_answers()
    {
        var compilation = FirstSnapshot;

        // Supplier.cs writes CreatedAt of its own type before and after the edit: Product's answers about it stay.
        var edited = Edit(compilation, 2, "public int Id { get; set; }", "public int Id { get; set; }\n    public int Rank { get; set; }");
        var schema = Schema(edited);

        Assert.True(SchemaCache.AnswersTakenOverFor(compilation.SyntaxTrees.First()) >= 2);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    private static Core.Model.PropertyModel Property(Core.Model.SchemaModel schema, string entity, string property) =>
        schema.FindEntity(entity)!.Properties.Single(p => p.Name == property);

    private static Core.Model.PropertyModel Property(SchemaLint.Analyzers.Schema.AnalyzedSchema schema, string entity, string property) =>
        Property(schema.Models.Single(), entity, property);
}
