using System.Reflection;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel.Conventions;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit emits again only the entity types whose models it can have changed: those whose drafts changed, those
/// whose bases, owners or principals changed, and those the code scan now answers differently about. The others keep the
/// snapshot before's models, and the schema is the one a fresh extraction gives.
/// </summary>
public sealed class EntityTypeKeepingTests
{
    private const string Context = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Product> Products => Set<Product>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
        }
        """;

    private const string Order = ShopSources.Order;

    private const string Customer = ShopSources.Customer;

    private const string Product = RuleVerifier.Usings + """
        public class Product
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }
        """;

    private const string Invoice = ShopSources.Invoice;

    private const string ProductName = "public string Name { get; set; } = \"\";";

    [Fact]
    public void A_property_added_to_one_entity_type_emits_only_that_entity_type_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Invoice);

        var edited = Edit(compilation, 3, ProductName, ProductName + "\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        Assert.Equal(3, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Contains(schema.Models.Single().FindEntity("Product")!.Properties, p => p.Name == "Price");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_edit_to_a_principal_emits_its_dependents_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Customer, Product, Invoice);

        var edited = Edit(compilation, 2, "public List<Order> Orders", "public string Code { get; set; } = \"\";\n    public List<Order> Orders");
        var schema = Schema(edited);

        // Customer and Order, whose relationship reaches Customer; Product and Invoice are kept.
        Assert.Equal(2, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_edit_to_a_base_entity_type_emits_the_derived_ones_again()
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
        var (compilation, _) = Analyzed(context, Order, Customer, Product, rushOrder);

        var edited = Edit(compilation, 1, "public int CustomerId", "[MaxLength(20)] public string? Note { get; set; }\n    public int CustomerId");
        var schema = Schema(edited);

        // Order and RushOrder, which inherits its columns and table; Customer and Product are kept.
        Assert.Equal(2, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_base_entity_type_gains_its_hierarchy_when_a_derived_type_is_added()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """;
        var (compilation, first) = Analyzed(context, Order, Customer);
        Assert.DoesNotContain(first.Models.Single().FindEntity("Order")!.Properties, p => p.Name == "Discriminator");

        // Order's own declarations are untouched: only the new derived type makes it the root of a hierarchy.
        var edited = Edit(compilation, 0, "public DbSet<Customer> Customers", "public DbSet<RushOrder> RushOrders => Set<RushOrder>();\n    public DbSet<Customer> Customers");
        edited = Edit(edited, 2, "public class Customer", "public class RushOrder : Order { }\n\npublic class Customer");
        var schema = Schema(edited);

        Assert.Contains(schema.Models.Single().FindEntity("Order")!.Properties, p => p.Name == "Discriminator");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_unchanged_entity_type_that_code_now_writes_is_emitted_again_with_the_new_answer()
    {
        var (compilation, first) = Analyzed(Context, Order, Customer, Product, Invoice);
        Assert.True(CreatedAt(first).IsAssignedByCode.Is(false));

        // A model edit (a property added to Product) that also writes Invoice.CreatedAt, in the same file.
        var edited = Edit(compilation, 3, ProductName,
            ProductName + "\n    public decimal Price { get; set; }\n    public static void Stamp(Invoice invoice) => invoice.CreatedAt = DateTime.UtcNow;");
        var schema = Schema(edited);

        Assert.True(CreatedAt(schema).IsAssignedByCode.Is(true));
        Assert.Equal(2, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_entity_type_given_new_code_facts_by_a_body_edit_is_not_kept_from_before_that_edit()
    {
        const string stamping = RuleVerifier.Usings + """
            public static class Stamping
            {
                public static void Touch(Invoice invoice)
                {
                    var unused = 0;
                }
            }
            """;
        var (compilation, first) = Analyzed(Context, Order, Customer, Product, Invoice, stamping);
        var firstTree = compilation.SyntaxTrees.First();
        Assert.True(CreatedAt(first).IsAssignedByCode.Is(false));

        // A body edit that writes CreatedAt: the schema before is carried over with the new answer.
        var written = Edit(compilation, 5, "var unused = 0;", "invoice.CreatedAt = DateTime.UtcNow;");
        Assert.True(CreatedAt(Schema(written)).IsAssignedByCode.Is(true));
        Assert.Equal(1, SchemaCache.PatchesFor(firstTree));

        // Then a model edit elsewhere: Invoice's draft is as it was when the emitter last emitted it, its answer is not.
        var edited = Edit(written, 3, ProductName, ProductName + "\n    public decimal Price { get; set; }");
        var schema = Schema(edited);

        Assert.True(CreatedAt(schema).IsAssignedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_model_wide_convention_changed_emits_every_entity_type_again()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Invoice> Invoices => Set<Invoice>();

                protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
                    configurationBuilder.Properties<string>().HaveMaxLength(100);
            }
            """;
        var (compilation, _) = Analyzed(context, Product, Invoice);

        var edited = Edit(compilation, 0, "HaveMaxLength(100)", "HaveMaxLength(200)");
        var schema = Schema(edited);

        Assert.Equal(0, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Equal(200, schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "Name").MaxLength.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_property_added_to_an_entity_of_a_generated_app_emits_again_only_it_and_its_dependents()
    {
        // The app without its Program.cs, whose top-level statements need an executable.
        var files = FixCorpora.BenchSources(40).Where(f => !f.Path.EndsWith("Program.cs", StringComparison.Ordinal)).ToList();
        var sources = files.Select(f => f.Text).ToArray();
        var (compilation, first) = Analyzed(sources);
        var index = files.FindIndex(f => f.Path.StartsWith("Model/", StringComparison.Ordinal));
        var edited = Edit(compilation, index, "public int Id { get; set; }", "public int Id { get; set; }\n    public int Added { get; set; }");
        var schema = Schema(edited);

        var model = first.Models.Single();
        var editedEntity = model.Entities.Single(e => e.Location?.FilePath == edited.SyntaxTrees.ElementAt(index + 1).FilePath && !e.IsOwned);
        var dependents = model.Entities.Count(e => !e.IsJoinEntity && e != editedEntity && e.ForeignKeys.Any(f => f.PrincipalEntityName == editedEntity.Name));
        Assert.Contains(model.Entities, e => e.IsJoinEntity);

        // Join entity types of many-to-many relationships included: theirs are built from both sides' keys, which stay as they were.
        Assert.Equal(model.Entities.Count - 1 - dependents, SchemaCache.EntityTypesKeptFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_many_to_many_join_entity_type_is_built_again_when_a_side_changes_its_key()
    {
        const string context = RuleVerifier.Usings + """
            public class BlogContext : DbContext
            {
                public DbSet<Post> Posts => Set<Post>();
                public DbSet<Tag> Tags => Set<Tag>();
            }
            """;
        const string post = RuleVerifier.Usings + """
            public class Post
            {
                public int Id { get; set; }
                public List<Tag> Tags { get; set; } = new();
            }
            """;
        const string tag = RuleVerifier.Usings + """
            public class Tag
            {
                public int Id { get; set; }
                public List<Post> Posts { get; set; } = new();
            }
            """;
        var (compilation, _) = Analyzed(context, post, tag);

        var edited = Edit(compilation, 2, "public int Id", "public long Id");
        var schema = Schema(edited);

        var join = schema.Models.Single().Entities.Single(e => e.IsJoinEntity);
        Assert.Contains(join.Properties, p => p.ClrType == "System.Int64");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Theory]
    [InlineData(typeof(EntityDraft))]
    [InlineData(typeof(PropertyDraft))]
    [InlineData(typeof(NavigationDraft))]
    [InlineData(typeof(ClrMember))]
    [InlineData(typeof(ClrType))]
    [InlineData(typeof(IndexDraft))]
    [InlineData(typeof(ForeignKeyModel))]
    [InlineData(typeof(CheckConstraintModel))]
    [InlineData(typeof(JoinEntity))]
    [InlineData(typeof(IndexModel))]
    [InlineData(typeof(RelationshipDraft))]
    public void Every_member_of_what_the_emitter_reads_is_compared_or_said_why_not(Type type)
    {
        var compared = (type.Name switch
        {
            nameof(EntityDraft) => EmitInputs.EntityMembers.Select(m => m.Member),
            nameof(PropertyDraft) => EmitInputs.PropertyMembers.Select(m => m.Member),
            nameof(NavigationDraft) => EmitInputs.NavigationMembers.Select(m => m.Member),
            nameof(ClrMember) => EmitInputs.ClrMemberMembers.Select(m => m.Member),
            nameof(ClrType) => EmitInputs.ClrTypeMembers.Select(m => m.Member),
            nameof(IndexDraft) => EmitInputs.IndexMembers.Select(m => m.Member),
            nameof(ForeignKeyModel) => EmitInputs.ForeignKeyMembers.Select(m => m.Member),
            nameof(JoinEntity) => EmitInputs.JoinMembers.Select(m => m.Member),
            nameof(IndexModel) => EmitInputs.IndexModelMembers.Select(m => m.Member),
            nameof(RelationshipDraft) => EmitInputs.RelationshipMembers.Select(m => m.Member),
            _ => EmitInputs.CheckConstraintMembers.Select(m => m.Member),
        }).ToHashSet();
        var explained = EmitInputs.NotCompared.Keys.Where(k => k.StartsWith(type.Name + ".", StringComparison.Ordinal)).Select(k => k[(type.Name.Length + 1)..]);

        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();

        Assert.Empty(members.Except(compared).Except(explained));
        Assert.Empty(compared.Concat(explained).Except(members));
    }

    private static PropertyModel CreatedAt(AnalyzedSchema schema) =>
        schema.Models.Single().FindEntity("Invoice")!.Properties.Single(p => p.Name == "CreatedAt");
}
