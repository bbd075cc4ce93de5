using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// Most keystrokes land in code the model does not depend on (a controller, a service). Such an edit keeps the schema of
/// the snapshot before it; anything the extraction read, or might read differently, extracts again.
/// </summary>
public sealed class SchemaCarryOverTests
{
    private const string Context = RuleVerifier.Usings + """
        public class AppDbContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().Property(o => o.Reference).HasMaxLength(40);
            }
        }
        """;

    private const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            public string Reference { get; set; } = "";
            public double Total { get; set; }
            public DateTime CreatedAt { get; set; }
        }
        """;

    private const string Service = RuleVerifier.Usings + "using System.Linq;\n" + """
        public class OrderService
        {
            private readonly AppDbContext _db;

            public OrderService(AppDbContext db) => _db = db;

            public int Count()
            {
                return _db.Orders.Count();
            }

            public Order Place(string reference)
            {
                var order = new Order { Reference = reference, CreatedAt = DateTime.UtcNow };
                _db.Orders.Add(order);
                return order;
            }
        }

        public class Draft
        {
            public DateTime CreatedAt { get; set; }
        }
        """;

    [Fact]
    public void A_body_edit_in_a_file_the_reader_never_read_keeps_the_schema()
    {
        var (compilation, first) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "var all = _db.Orders.ToList();\n        return all.Count;");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Same(first, schema);
    }

    [Fact]
    public void A_body_edit_in_the_projects_first_file_keeps_the_schema_as_in_any_other_file()
    {
        // The cache finds a project by its first file; an edit there makes a new first tree, and the project must still be found.
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = new[] { Service, Context, Order }.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions, $"{ProjectBuilder.SourceDirectory}First{index}.cs"));
        var compilation = CSharpCompilation.Create("FirstFile" + Guid.NewGuid().ToString("N"), trees, TestReferences.EntityFramework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var first = Schema(compilation);
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText();
        var at = text.ToString().IndexOf("return _db.Orders.Count();", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), "var all = 0;\n        "))));

        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(tree));
        Assert.Equal(1, SchemaCache.CarryOversFor(edited.SyntaxTrees.First()));
        Assert.Same(first, schema);
    }

    [Fact]
    public void A_body_edit_in_OnModelCreating_extracts_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 0, "HasMaxLength(40)", "HasMaxLength(41)");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(0, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_body_edit_that_writes_a_member_the_model_asked_about_gives_its_property_the_new_answer_without_extracting_again()
    {
        var (compilation, first) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return 0;");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.False(CreatedAt(first).IsUpdatedByCode.Value);
        Assert.True(CreatedAt(schema).IsUpdatedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edit_that_writes_a_property_no_rule_asks_code_about_keeps_the_schema_as_it_was()
    {
        // Only points in time have their writes looked for (RuleCatalog.ReadsCodeFactsOf): Reference's are left unknown.
        var (compilation, first) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.Reference = \"archived\";\n        return 0;");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Equal(0, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.False(Reference(first).IsUpdatedByCode.IsKnown);
        Assert.True(CreatedAt(first).IsAssignedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_patched_schema_leaves_the_schema_before_it_as_it_was()
    {
        // The IDE may still be analyzing the snapshot before the edit: its schema is shared, never changed.
        var (compilation, first) = Analyzed(Context, Order, Service);
        var before = SchemaSnapshot.Of(first, compilation);

        Schema(Edit(compilation, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return 0;"));

        Assert.Equal(1, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.Equal(before, SchemaSnapshot.Of(first, compilation));
    }

    [Fact]
    public void An_edit_after_a_patched_one_is_patched_from_it()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);
        var written = Edit(compilation, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return 0;");
        Schema(written);

        var removed = Edit(written, 2, "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;", "");
        var schema = Schema(removed);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(2, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.False(CreatedAt(schema).IsUpdatedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(removed), removed), SchemaSnapshot.Of(schema, removed));
    }

    [Fact]
    public void A_body_edit_beside_a_write_the_model_asked_about_keeps_the_schema()
    {
        var (compilation, first) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "_db.Orders.Add(order);", "_db.Orders.Add(order);\n        _db.SaveChanges();");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Same(first, schema);
    }

    [Fact]
    public void A_write_that_now_lands_on_another_type_takes_its_answer_away_from_the_first_type()
    {
        var service = Service.Replace("return _db.Orders.Count();", "var stamped = new Order();\n        stamped.CreatedAt = DateTime.UtcNow;\n        return 0;");
        var (compilation, first) = Analyzed(Context, Order, service);

        var edited = Edit(compilation, 2, "var stamped = new Order();", "var stamped = new Draft();");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.True(CreatedAt(first).IsUpdatedByCode.Value);
        Assert.False(CreatedAt(schema).IsUpdatedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edit_that_names_an_asked_member_in_a_string_makes_its_answers_unknown_without_extracting_again()
    {
        var (compilation, first) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "_ = \"CreatedAt\";\n        return 0;");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.True(CreatedAt(first).IsUpdatedByCode.IsKnown);
        Assert.False(CreatedAt(schema).IsUpdatedByCode.IsKnown);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_declaration_edit_in_a_file_the_reader_never_read_extracts_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "public int Count()", "public long Count()");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_preprocessor_directive_typed_into_a_body_extracts_again()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "#nullable disable\n        return _db.Orders.Count();");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_body_edit_in_an_entity_file_past_everything_the_model_points_at_keeps_the_schema_and_moves_its_findings_to_the_new_tree()
    {
        var order = Order.Replace("public DateTime CreatedAt { get; set; }", "public DateTime CreatedAt { get; set; }\n    public void Touch() { }");
        var (compilation, _) = Analyzed(Context, order, Service);

        var edited = Edit(compilation, 1, "public void Touch() { }", "public void Touch() { var now = 1; }");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Equal(0, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.Contains(schema.FindingsIn(edited.SyntaxTrees.ElementAt(2)), placed => placed.Finding.RuleId == "SL2001");
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edit_in_an_entity_file_before_a_member_the_model_points_at_extracts_again()
    {
        var order = Order.Replace("public double Total { get; set; }", "public void Touch() { }\n    public double Total { get; set; }");
        var (compilation, _) = Analyzed(Context, order, Service);

        var edited = Edit(compilation, 1, "public void Touch() { }", "public void Touch() { var now = 1; }");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(0, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_write_typed_into_a_SaveChanges_override_below_OnModelCreating_gives_the_property_its_new_answer_without_extracting_again()
    {
        var context = Context.Replace("HasMaxLength(40);\n    }", "HasMaxLength(40);\n    }\n\n    public override int SaveChanges()\n    {\n        return base.SaveChanges();\n    }");
        var (compilation, first) = Analyzed(context, Order, Service);

        var edited = Edit(compilation, 0, "return base.SaveChanges();", "foreach (var entry in ChangeTracker.Entries<Order>()) entry.Entity.CreatedAt = DateTime.UtcNow;\n        return base.SaveChanges();");
        var schema = Schema(edited);

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.PatchesFor(compilation.SyntaxTrees.First()));
        Assert.False(CreatedAt(first).IsUpdatedByCode.Value);
        Assert.True(CreatedAt(schema).IsUpdatedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_body_edit_in_OnModelCreating_is_read_code_and_extracts_again_even_at_its_end()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 0, "HasMaxLength(40);", "HasMaxLength(40);\n        var unused = 1;");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_property_added_to_an_entity_keeps_the_bindings_of_writes_that_do_not_name_it()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 1, "public double Total { get; set; }", "public double Total { get; set; }\n    public string Notes { get; set; } = \"\";");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.True(SchemaCache.SeededWritesFor(compilation.SyntaxTrees.First()) > 0);
    }

    [Fact]
    public void A_member_changed_in_an_entity_binds_again_the_writes_in_members_that_name_it()
    {
        var service = Service.Replace("public int Count()", "public void Stamp(Order order) => order.CreatedAt = DateTime.UtcNow;\n\n    public int Count()");
        var (compilation, _) = Analyzed(Context, Order, service);

        // The model asked whether CreatedAt is updated, which bound Stamp's write; an edit that names no member Stamp names keeps it.
        var notes = Edit(compilation, 1, "public double Total { get; set; }", "public double Total { get; set; }\n    public string Notes { get; set; } = \"\";");
        Schema(notes);
        Assert.Equal(1, SchemaCache.SeededWritesFor(compilation.SyntaxTrees.First()));

        var retyped = Edit(notes, 1, "public DateTime CreatedAt { get; set; }", "public DateTimeOffset CreatedAt { get; set; }");
        var schema = Schema(retyped);

        Assert.Equal(0, SchemaCache.SeededWritesFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(retyped), retyped), SchemaSnapshot.Of(schema, retyped));
    }

    [Fact]
    public void A_renamed_type_keeps_no_binding()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "public class Draft", "public class DraftOrder");
        Schema(edited);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(0, SchemaCache.SeededWritesFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void A_carried_over_schema_reports_the_findings_a_fresh_extraction_reports()
    {
        var (compilation, _) = Analyzed(Context, Order, Service);

        var edited = Edit(compilation, 2, "return _db.Orders.Count();", "return _db.Orders.Count(o => o.Total > 0);");
        var carried = Schema(edited);
        var fresh = Fresh(edited);

        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(fresh, edited), SchemaSnapshot.Of(carried, edited));
        Assert.Contains("SL2001", SchemaSnapshot.Of(carried, edited));
    }

    [Fact]
    public void A_run_of_body_edits_each_carried_over_from_the_one_before_gives_what_a_fresh_extraction_gives_at_every_step()
    {
        // Each carry-over hands the footprint on to the next snapshot, changed in place: every step must still describe its own snapshot.
        var (compilation, _) = Analyzed(Context, Order, Service);
        var current = compilation;
        for (var step = 0; step < 12; step++)
        {
            current = step % 3 == 2
                ? Edit(current, 2, "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        ", "")
                : step % 3 == 1
                    ? Edit(current, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return _db.Orders.Count();")
                    : Edit(current, 2, "return _db.Orders.Count();", $"_ = {step};\n        return _db.Orders.Count();");
            var schema = Schema(current);

            Assert.Equal(SchemaSnapshot.Of(Fresh(current), current), SchemaSnapshot.Of(schema, current));
        }

        Assert.Equal(1, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(12, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
    }

    [Fact]
    public void The_snapshot_before_a_carried_over_edit_asked_for_again_gives_what_a_fresh_extraction_gives()
    {
        // The IDE may still finish a request on the snapshot before the keystroke after the one after it was analyzed.
        var (compilation, _) = Analyzed(Context, Order, Service);
        var written = Edit(compilation, 2, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return 0;");
        Schema(written);

        var again = Schema(compilation);

        Assert.False(CreatedAt(again).IsUpdatedByCode.Value);
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(again, compilation));
    }

    [Fact]
    public void A_snapshot_that_can_be_carried_over_only_in_part_extracts_again_and_the_next_edit_is_carried_over_from_that()
    {
        // The service's body edit is taken in before the entity's declaration edit is found: the footprint has begun to change.
        var (compilation, _) = Analyzed(Context, Service, Order);
        var both = Edit(Edit(compilation, 1, "return _db.Orders.Count();", "foreach (var order in _db.Orders) order.CreatedAt = DateTime.UtcNow;\n        return 0;"),
            2, "public double Total { get; set; }", "public decimal Total { get; set; }");

        var schema = Schema(both);
        var next = Edit(both, 1, "return 0;", "return 1;");
        var carried = Schema(next);

        Assert.Equal(2, SchemaCache.BuildsFor(compilation.SyntaxTrees.First()));
        Assert.Equal(1, SchemaCache.CarryOversFor(compilation.SyntaxTrees.First()));
        Assert.Equal(SchemaSnapshot.Of(Fresh(both), both), SchemaSnapshot.Of(schema, both));
        Assert.Equal(SchemaSnapshot.Of(Fresh(next), next), SchemaSnapshot.Of(carried, next));
    }

    private static Core.Model.PropertyModel CreatedAt(AnalyzedSchema schema) =>
        schema.Models.Single().Entities.Single(e => e.ShortName == "Order").Properties.Single(p => p.Name == "CreatedAt");

    private static Core.Model.PropertyModel Reference(AnalyzedSchema schema) =>
        schema.Models.Single().Entities.Single(e => e.ShortName == "Order").Properties.Single(p => p.Name == "Reference");
}
