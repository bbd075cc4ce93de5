using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Conventions;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Analyzers.Tests.Parity;
using SchemaLint.Analyzers.Tests.SourceModel;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// What an extraction leaves for the next snapshot's emitter is a record of each draft, not the draft: it compares as
/// the draft does, it names the other drafts by stand-ins, and a kept entity type keeps the record it had. So the drafts a
/// model edit makes live only as long as the edit.
/// </summary>
public sealed class EmittedRecordTests
{
    private const string Shop = """
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Person> People => Set<Person>();
            public DbSet<Employee> Employees => Set<Employee>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().OwnsOne(o => o.Shipping);
            }
        }

        public class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public Customer Customer { get; set; } = null!;
            public Address Shipping { get; set; } = null!;
        }

        public class Address
        {
            public string Street { get; set; } = "";
        }

        public class Person
        {
            public int Id { get; set; }
        }

        public class Employee : Person
        {
            public int? ManagerId { get; set; }
            public Employee? Manager { get; set; }
        }
        """;

    /// <summary>In a file of its own: an edit moves every declaration after it in its file, and a moved one is compared as changed.</summary>
    private const string Customer = """
        public class Customer
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public List<Order> Orders { get; set; } = new();
        }
        """;

    [Fact]
    public void An_extraction_of_an_unchanged_compilation_keeps_every_entity_type_of_every_corpus_model()
    {
        // A fact the record did not carry would differ from the draft's, and its entity type would be emitted again.
        var notKept = new List<string>();
        foreach (var model in ParityCorpus.Models.Concat(PatternCorpus.Models))
        {
            var compilation = SourceModelHarness.Compile(model.Source, model.Nullable);
            var (first, _) = Extract(compilation, before: null);
            var (second, schema) = Extract(compilation, before: first);

            var entityTypes = schema.Models.Sum(m => m.Entities.Count);
            if (second.EntityTypesKept != entityTypes) notKept.Add($"{model.Name}: {second.EntityTypesKept} of {entityTypes} kept");
        }

        Assert.Empty(notKept);
    }

    [Fact]
    public void A_record_names_the_owner_the_base_type_and_the_navigations_ends_by_stand_ins()
    {
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (footprint, _) = Extract(compilation, before: null);
        var records = Records(footprint, "ShopContext");

        var order = records.Find("Order")!.Draft;
        var shipping = records.Find("Address")!.Draft;
        var employee = records.Find("Employee")!.Draft;
        Assert.All(order.Navigations, n => Assert.Same(order, n.Declaring));
        Assert.All(new[] { order.Navigations.Single().Target, shipping.Owner!, employee.BaseType! }, StandsIn);
        Assert.Equal(new[] { "Customer", "Order", "Person" }, new[] { order.Navigations.Single().Target.Name, shipping.Owner!.Name, employee.BaseType!.Name });

        // A navigation to its own entity type leads to the record itself.
        Assert.Same(employee, employee.Navigations.Single(n => n.Name == "Manager").Target);
    }

    [Fact]
    public void The_record_of_what_was_read_is_the_draft_before_the_conventions_naming_other_drafts_by_stand_ins()
    {
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (footprint, _) = Extract(compilation, before: null);
        var records = Records(footprint, "ShopContext");

        // Order's foreign key to Customer is the conventions': the record has it, the record of what was read does not.
        var order = records.Find("Order")!;
        var read = order.ReadDraft!;
        Assert.NotEmpty(order.Draft.ForeignKeys);
        Assert.Empty(read.ForeignKeys);
        Assert.Null(read.ResolvedPrimaryKey);
        Assert.All(read.Navigations, n => Assert.Same(read, n.Declaring));
        StandsIn(read.Navigations.Single().Target);
        Assert.Null(order.Draft.AsRead);
    }

    [Fact]
    public void The_conventions_mark_keys_and_foreign_keys_in_copies_of_the_property_drafts_the_record_of_what_was_read_holds()
    {
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (footprint, _) = Extract(compilation, before: null);
        var order = Records(footprint, "ShopContext").Find("Order")!;

        // What reading made of Order is shared with the draft the conventions settle, which write into copies of what they change.
        Assert.True(Property(order.Draft, "Id").IsKeyPart);
        Assert.True(Property(order.Draft, "CustomerId").IsForeignKeyPart);
        Assert.False(Property(order.ReadDraft!, "Id").IsKeyPart);
        Assert.False(Property(order.ReadDraft!, "CustomerId").IsForeignKeyPart);
        Assert.Same(Property(order.Draft, "CustomerId").Member, Property(order.ReadDraft!, "CustomerId").Member);
    }

    private static PropertyDraft Property(EntityDraft draft, string name) => draft.Declared.Single(property => property.Name == name);

    [Fact]
    public void A_kept_entity_type_keeps_the_record_it_had_and_an_edited_one_gets_a_new_one()
    {
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (first, _) = Extract(compilation, before: null);
        var edited = EditCustomer(compilation, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public string? Email { get; set; }");
        var (second, _) = Extract(edited, before: first);

        var before = Records(first, "ShopContext");
        var after = Records(second, "ShopContext");
        Assert.Same(before.Find("Person")!.Draft, after.Find("Person")!.Draft);
        Assert.NotSame(before.Find("Customer")!.Draft, after.Find("Customer")!.Draft);
        Assert.Contains(after.Find("Customer")!.Draft.Declared, p => p.Name == "Email");
    }

    [Fact]
    public void A_record_is_not_written_by_the_extractions_after_it()
    {
        // Records share their lists, sets and property drafts with the draft they were made from, and a kept record is
        // shared by every snapshot after: that is safe only while nothing writes a draft once the emitter has read it.
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (first, _) = Extract(compilation, before: null);
        var records = Records(first, "ShopContext");
        var names = new[] { "Order", "Address", "Customer", "Person", "Employee" };
        var facts = names.ToDictionary(name => name, name => SchemaSnapshot.OfObject(records.Find(name)!.Draft));

        var (second, _) = Extract(compilation, before: first);
        var edited = EditCustomer(compilation, "public string Name { get; set; } = \"\";", "public string Name { get; set; } = \"\";\n    public string? Email { get; set; }");
        var (third, _) = Extract(edited, before: second);
        Extract(EditCustomer(edited, "public string? Email { get; set; }", "public string? Phone { get; set; }"), before: third);

        Assert.All(names, name => Assert.Equal(facts[name], SchemaSnapshot.OfObject(records.Find(name)!.Draft)));
    }

    [Fact]
    public void A_record_keeps_nothing_of_what_its_draft_was_made_from()
    {
        // Its entry keeps the inputs for the next snapshot; a kept record outlives them, and must not keep their
        // declarations and trees alive with it.
        var compilation = SourceModelHarness.Compile(Shop, moreFiles: ("Customer.cs", Customer));
        var (first, _) = Extract(compilation, before: null);

        var records = Records(first, "ShopContext");

        Assert.All(new[] { "Order", "Address", "Customer", "Person", "Employee" }, name => Assert.Same(DraftInputs.Dropped, records.Find(name)!.Draft.Inputs));
        Assert.NotSame(DraftInputs.Dropped, records.Find("Order")!.Inputs);
    }

    [Fact]
    public void Only_the_owner_the_base_type_the_navigations_and_the_copy_as_read_of_a_draft_lead_to_other_drafts()
    {
        // What a record shares with its draft must not lead back into the build's drafts: the fields Recorded replaces are
        // the only ones from which a draft can be reached, here or anywhere below what the others hold. (The copy as read,
        // taken while plans are checked, is recorded on its own, and a record holds none, nor the copy of it the suites
        // check the conventions against.)
        var replaced = new[] { nameof(EntityDraft.Owner), nameof(EntityDraft.BaseType), nameof(EntityDraft.Navigations), nameof(EntityDraft.AsRead) }
            .Select(name => $"<{name}>k__BackingField")
            .Append("_readStateCheck");
        var leading = typeof(EntityDraft).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => Reaches(field.FieldType, typeof(EntityDraft), new HashSet<Type>()))
            .Select(field => field.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(replaced.Order(StringComparer.Ordinal), leading);
    }

    /// <summary>Whether a value of <paramref name="type"/> can hold a <paramref name="target"/>, through its fields, elements and type arguments.</summary>
    private static bool Reaches(Type type, Type target, HashSet<Type> seen)
    {
        if (type == target) return true;
        if (!seen.Add(type)) return false;
        if (type.HasElementType && Reaches(type.GetElementType()!, target, seen)) return true;
        if (type.IsGenericType && type.GetGenericArguments().Any(argument => Reaches(argument, target, seen))) return true;

        // Only this repository's types are followed into: a framework collection's reach is its type arguments', and Roslyn
        // objects (locations, trees) hold no draft.
        return type.Assembly.GetName().Name!.StartsWith("SchemaLint", StringComparison.Ordinal)
            && type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(field => Reaches(field.FieldType, target, seen));
    }

    /// <summary>A stand-in carries a name and a type and leads nowhere.</summary>
    private static void StandsIn(EntityDraft draft)
    {
        Assert.Null(draft.Owner);
        Assert.Null(draft.BaseType);
        Assert.Empty(draft.Declared);
        Assert.Empty(draft.Navigations);
        Assert.Empty(draft.ForeignKeys);
    }

    private static Compilation EditCustomer(Compilation compilation, string find, string replacement)
    {
        var customer = compilation.SyntaxTrees.Last();
        var text = customer.GetText().ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(customer, customer.WithChangedText(SourceText.From(text.Replace(find, replacement, StringComparison.Ordinal))));
    }

    /// <summary>What the extraction recorded for the context, as the next snapshot's emitter is offered it.</summary>
    private static EmittedModel Records(ExtractionFootprint footprint, string context) =>
        new ExtractionFootprint(sizedAfter: footprint).EmittedBefore(context) ?? throw new InvalidOperationException($"nothing recorded for {context}");

    private static (ExtractionFootprint Footprint, SourceSchema Schema) Extract(Compilation compilation, ExtractionFootprint? before)
    {
        var footprint = new ExtractionFootprint(sizedAfter: before);
        using (ExtractionFootprint.Record(footprint))
        {
            return (footprint, SourceSchemaBuilder.Build(compilation, EfSymbols.TryCreate(compilation)!, SchemaLintOptions.Default, CancellationToken.None));
        }
    }
}
