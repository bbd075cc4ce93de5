using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit extracts the model again, but reads again only the declarations it can have changed: the types declared in
/// the edited file, and types whose declarations name a member the edit changed (a name a member merely declares binds to
/// nothing, unless the member overrides). The rest is taken from the snapshot
/// before, and the schema is the one a fresh extraction gives.
/// </summary>
public sealed class DeclarationReuseTests
{
    private const string Context = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Product> Products => Set<Product>();
        }
        """;

    private const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            [MaxLength(Limits.Reference)]
            public string Reference { get; set; } = "";
            public int CustomerId { get; set; }
            public Customer Customer { get; set; } = null!;
        }
        """;

    private const string Customer = RuleVerifier.Usings + """
        public class Customer : Party
        {
            public int Id { get; set; }
            public override string Code { get; } = "";
            public List<Order> Orders { get; set; } = new();
        }

        public abstract class Party
        {
            public virtual string Code { get; } = "";
        }
        """;

    private const string Product = RuleVerifier.Usings + """
        public class Product
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }
        """;

    private const string Limits = """
        public static class Limits
        {
            public const int Reference = 40;
        }
        """;

    [Fact]
    public void A_property_added_to_one_entity_reads_again_only_that_entity()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Limits);

        var edited = Edit(compilation, 3, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Contains(schema.Models.Single().FindEntity("Product")!.Properties, p => p.Name == "Price");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_member_renamed_in_one_entity_leaves_other_entities_declaring_a_member_of_that_name_alone()
    {
        const string customer = RuleVerifier.Usings + """
            public class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }
            """;
        var (compilation, _) = Analyzed(Context.Replace("public DbSet<Order> Orders => Set<Order>();", ""), customer, Product);

        var edited = Edit(compilation, 2, "public string Name", "public string Title");
        var schema = Schema(edited);

        // Customer declares a Name of its own, which binds to nothing Product declares.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Contains(schema.Models.Single().FindEntity("Product")!.Properties, p => p.Name == "Title");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_navigation_named_like_its_type_changed_leaves_the_declarations_naming_the_type_alone()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Limits);

        var edited = Edit(compilation, 1, "public Customer Customer { get; set; } = null!;", "public Customer? Customer { get; set; }");
        var schema = Schema(edited);

        // The context's DbSet<Customer> and Customer's own declaration name the type Customer, never the member.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_member_deleted_leaves_alone_the_types_whose_attributes_name_a_member_of_their_own_by_that_name()
    {
        const string coded = RuleVerifier.Usings + """
            [Index(nameof(Code), IsUnique = true)]
            public class Product
            {
                public int Id { get; set; }
                public string Code { get; set; } = "";
            }
            """;
        const string customer = RuleVerifier.Usings + """
            [Index(nameof(Code), IsUnique = true)]
            public class Customer
            {
                public int Id { get; set; }
                public string Code { get; set; } = "";
                public List<Order> Orders { get; set; } = new();
            }
            """;
        var (compilation, _) = Analyzed(Context, Order, customer, coded, Limits);

        var edited = Edit(compilation, 3, "public string Code { get; set; } = \"\";", "");
        var schema = Schema(edited);

        // Product, whose index now names nothing; Customer's nameof(Code) finds Customer's own Code first.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_member_renamed_in_a_base_type_reads_again_the_types_whose_attributes_name_it()
    {
        const string coded = RuleVerifier.Usings + """
            public abstract class Coded
            {
                public string Sku { get; set; } = "";
            }
            """;
        const string product = RuleVerifier.Usings + """
            [Index(nameof(Sku), IsUnique = true)]
            public class Product : Coded
            {
                public int Id { get; set; }
            }
            """;
        var (compilation, _) = Analyzed(Context, Order, Customer, product, Limits, coded);

        var edited = Edit(compilation, 5, "public string Sku { get; set; } = \"\";", "public string Barcode { get; set; } = \"\";");
        var schema = Schema(edited);

        // Coded, whose declarations the edit changed, and Product, whose nameof(Sku) found Coded's Sku.
        Assert.Equal(2, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edit_carried_over_before_a_model_edit_leaves_the_declarations_it_moved_taken_over()
    {
        const string product = RuleVerifier.Usings + """
            public class Product
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";

                public void Rename(string name)
                {
                    Name = name;
                }
            }
            """;
        var (compilation, _) = Analyzed(Context, Order, Customer, product, Limits);
        var typed = Edit(compilation, 3, "Name = name;", "Name = name.Trim();");
        Schema(typed);
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));

        var edited = Edit(typed, 1, "public int CustomerId { get; set; }", "public int CustomerId { get; set; }\n    public int Rank { get; set; }");
        var schema = Schema(edited);

        // Order, whose declarations the edit changed; Product's were moved to its new tree when the edit to its body was
        // carried over, and are taken over as they stand there.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_base_member_renamed_in_another_file_reads_its_overrides_again()
    {
        const string customer = RuleVerifier.Usings + """
            public class Customer : Party
            {
                public int Id { get; set; }
                public override string Code { get; set; } = "";
            }
            """;
        const string party = """
            public abstract class Party
            {
                public virtual string Code { get; set; } = "";
            }
            """;
        var (compilation, _) = Analyzed(Context.Replace("public DbSet<Order> Orders => Set<Order>();", ""), customer, Product, party);

        var edited = Edit(compilation, 3, "public virtual string Code", "public virtual string Reference");
        var schema = Schema(edited);

        // Party, and Customer, whose override now overrides nothing.
        Assert.Equal(2, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edited_with_a_property_added_elsewhere_in_one_snapshot_reads_again_only_that_entity()
    {
        var context = Context.Replace("public DbSet<Product> Products => Set<Product>();",
            "public DbSet<Product> Products => Set<Product>();\n\n    public int Tally()\n    {\n        return 1;\n    }");
        var (compilation, _) = Analyzed(context, Order, Customer, Product, Limits);

        // The body alone would be carried over; the property cannot be, and the snapshot is read again from the one before.
        var edited = Edit(compilation, 0, "return 1;", "return 2;");
        edited = Edit(edited, 3, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_constant_an_attribute_reads_from_another_file_reads_the_entity_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Limits);

        var edited = Edit(compilation, 4, "Reference = 40;", "Reference = 80;");
        var schema = Schema(edited);

        var reference = schema.Models.Single().FindEntity("Order")!.Properties.Single(p => p.Name == "Reference");
        Assert.Equal(80, reference.MaxLength.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_setter_given_to_an_overridden_base_property_maps_the_override()
    {
        var (compilation, first) = Analyzed(Context, Order, Customer, Product, Limits);
        Assert.DoesNotContain(first.Models.Single().FindEntity("Customer")!.Properties, p => p.Name == "Code");

        // The base type lives in the same file as the entity here, so give it its own file's worth of change: a member edit only.
        var edited = Edit(compilation, 2, "public virtual string Code { get; } = \"\";", "public virtual string Code { get; set; } = \"\";");
        var schema = Schema(edited);

        Assert.Contains(schema.Models.Single().FindEntity("Customer")!.Properties, p => p.Name == "Code");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_type_header_changed_anywhere_reads_every_declaration_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Limits);

        var edited = Edit(compilation, 3, "public class Product", "public class Product : IComparable");
        edited = Edit(edited, 3, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public int CompareTo(object? other) => 0;");
        var schema = Schema(edited);

        // The context (for its DbSets), Order, Customer, Party and Product: nothing is taken from the snapshot before.
        Assert.Equal(5, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_configuration_class_whose_constructor_takes_a_parameter_after_an_edit_is_applied_no_more()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();

                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
            }
            """;
        const string configuration = RuleVerifier.Usings + """
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public ProductConfiguration() { }

                public void Configure(EntityTypeBuilder<Product> builder) => builder.Property(p => p.Name).HasMaxLength(60);
            }
            """;
        var (compilation, first) = Analyzed(context, Product, configuration);
        Assert.Equal(60, Name(first).MaxLength.Value);

        var edited = Edit(compilation, 2, "public ProductConfiguration() { }", "public ProductConfiguration(int unused) { }");
        var schema = Schema(edited);

        Assert.Null(Name(schema).MaxLength.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_relationship_an_unedited_configuration_class_configures_is_read_from_the_facts_taken_over()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Product> Products => Set<Product>();

                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
            }
            """;
        const string configuration = RuleVerifier.Usings + """
            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder) =>
                    builder.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
            }
            """;
        var (compilation, _) = Analyzed(context, Order, Customer, Product, Limits, configuration);

        var edited = Edit(compilation, 3, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        // Only Product is read again; HasOne finds Order's navigation, and the Customer it reaches, in the facts taken over.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        var foreignKey = Assert.Single(schema.Models.Single().FindEntity("Order")!.ForeignKeys);
        Assert.Equal(Core.Model.DeleteBehaviorKind.Restrict, foreignKey.DeleteBehavior.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_derived_entity_keeps_its_base_entity_type_and_inherited_columns_from_the_facts_taken_over()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<RushOrder> RushOrders => Set<RushOrder>();
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Product> Products => Set<Product>();
            }
            """;
        const string rushOrder = RuleVerifier.Usings + """
            public class RushOrder : Order
            {
                public DateTime Deadline { get; set; }
            }
            """;
        var (compilation, first) = Analyzed(context, Order, Customer, Product, Limits, rushOrder);
        Assert.Equal("Order", first.Models.Single().FindEntity("RushOrder")!.BaseTypeName);

        var edited = Edit(compilation, 3, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        // Only Product is read again: RushOrder's base class, and Order's columns, come from the facts of the snapshot before.
        Assert.Equal(1, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal("Order", schema.Models.Single().FindEntity("RushOrder")!.BaseTypeName);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    // A context and an entity type in one file, the entity type after OnModelCreating, so that an edit to the method's body
    // moves the entity type's declarations down the file.
    private const string ContextWithNote = RuleVerifier.Usings + """
        public class NotesContext : DbContext
        {
            public DbSet<Note> Notes => Set<Note>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Note>().Property(n => n.Title).HasMaxLength(80);
            }
        }

        public class Note
        {
            public int Id { get; set; }
            public string Title { get; set; }
            [MaxLength(2000)]
            public string Body { get; set; }
            [ForeignKey(nameof(Author)), DeleteBehavior(DeleteBehavior.Restrict)]
            public int AuthorId { get; set; }
            public Author Author { get; set; }
        }

        public class Author
        {
            public int Id { get; set; }
            public string Email { get; set; }
        }
        """;

    [Fact]
    public void A_Fluent_call_added_to_OnModelCreating_reads_none_of_the_files_declarations_again()
    {
        var (compilation, _) = Analyzed(ContextWithNote);

        var edited = Edit(compilation, 0, ".HasMaxLength(80);", ".HasMaxLength(80);\n        modelBuilder.Entity<Author>().HasIndex(a => a.Email).IsUnique();");
        var schema = Schema(edited);

        // The context, Note and Author are declared in the edited file; their declarations are moved, not read again.
        Assert.Equal(0, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Contains(schema.Models.Single().FindEntity("Author")!.Indexes, i => i.IsUnique);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void Columns_declared_after_an_edited_body_are_placed_where_they_now_are()
    {
        var (compilation, first) = Analyzed(ContextWithNote);
        var lineBefore = first.Models.Single().FindEntity("Note")!.Properties.Single(p => p.Name == "Body").Location!.Line;

        var edited = Edit(compilation, 0, ".HasMaxLength(80);", ".HasMaxLength(80);\n\n        // Titles are shown in lists.\n");
        var schema = Schema(edited);

        Assert.Equal(0, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(lineBefore + 3, schema.Models.Single().FindEntity("Note")!.Properties.Single(p => p.Name == "Body").Location!.Line);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_entity_type_declared_after_an_edited_body_is_placed_where_it_now_is()
    {
        var (compilation, first) = Analyzed(ContextWithNote);
        var lineBefore = first.Models.Single().FindEntity("Note")!.Location!.Line;

        var edited = Edit(compilation, 0, ".HasMaxLength(80);", ".HasMaxLength(80);\n\n        // Titles are shown in lists.\n");
        var schema = Schema(edited);

        // Placed from the facts moved with the tree, not from the new compilation's symbol.
        Assert.Equal(0, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
        Assert.Equal(lineBefore + 3, schema.Models.Single().FindEntity("Note")!.Location!.Line);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_nullable_directive_typed_into_a_body_reads_the_declarations_after_it_again()
    {
        var (compilation, first) = Analyzed(ContextWithNote);
        Assert.True(Title(first).IsColumnNullable.Is(false));

        // The directive sits in a body, so no declaration's text changes, yet every declaration after it loses its annotations.
        var edited = Edit(compilation, 0, ".HasMaxLength(80);", ".HasMaxLength(80);\n#nullable disable\n");
        var schema = Schema(edited);

        Assert.True(Title(schema).IsColumnNullable.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
        Assert.Equal(3, SchemaCache.TypesReadFor(compilation.SyntaxTrees.First()));
    }

    private static Core.Model.PropertyModel Title(AnalyzedSchema schema) =>
        schema.Models.Single().FindEntity("Note")!.Properties.Single(p => p.Name == "Title");

    private static Core.Model.PropertyModel Name(AnalyzedSchema schema) =>
        schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "Name");

    [Fact]
    public void What_a_snapshot_hands_to_the_next_holds_no_symbol_and_no_compilation()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Limits);
        var footprint = new ExtractionFootprint();
        using (ExtractionFootprint.Record(footprint))
            SourceSchemaBuilder.Build(compilation, EfSymbols.TryCreate(compilation)!, Core.Options.SchemaLintOptions.Default, CancellationToken.None);

        Assert.True(footprint.TypeFacts.Count >= 5, "the extraction read the declarations of the context and the four types");
        Assert.NotNull(footprint.TypeFacts.Scope);

        // Trees, nodes and source locations are what the cache is keyed by and points into; they hold no compilation.
        Assert.Null(ObjectGraph.PathToFirst(footprint, HoldsCompilation, ReachesNoCompilation));

        // The walk sees through the collections the footprint is made of: a symbol planted in one is found.
        var planted = new List<object> { new Dictionary<string, object> { ["Order"] = compilation.GetTypeByMetadataName("Order")! } };
        Assert.NotNull(ObjectGraph.PathToFirst(planted, HoldsCompilation, ReachesNoCompilation));
    }

    private static bool HoldsCompilation(object value) => value is ISymbol or Compilation or SemanticModel;

    private static bool ReachesNoCompilation(object value) => value is SyntaxTree or SyntaxNode or Location { IsInSource: true } or SourceText;
}
