using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using SchemaLint.Analyzers.Tests.CodeFixes;
using SchemaLint.Analyzers.Tests.CodeFixes.CompileAfterFix;
using SchemaLint.Analyzers.Tests.Parity;
using SchemaLint.Analyzers.Tests.SourceModel;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// The schema the analyzers use after an edit, carried over or extracted again, is the one a fresh extraction of the same
/// compilation gives, fact by fact and finding by finding. Each project gets a seeded sequence of the edits people make:
/// statements, strings and member writes typed into bodies; properties added, renamed and deleted; an entity added or
/// removed; a Fluent call changed; a class moved to another file.
/// </summary>
public sealed class CarryOverEquivalenceTests(ITestOutputHelper output)
{
    private const int GeneratedEntities = 40;

    /// <summary>A file with bodies no model-building code reaches, as controllers and services are.</summary>
    private const string Workflows = """
        public static class Workflows
        {
            public static int Run(DbContext db)
            {
                var total = 0;
                return total;
            }

            public static string Describe(object value)
            {
                return value.ToString() ?? "";
            }
        }
        """;

    [Fact]
    public void Every_edit_to_the_budget_sample_gives_the_schema_a_fresh_extraction_gives()
    {
        var files = BudgetTrackerSample.SourceFiles()
            .Select(file => (Path: file, Text: File.ReadAllText(Path.Combine(BudgetTrackerSample.Directory, file))))
            .Append(("Workflows.cs", "using Microsoft.EntityFrameworkCore;\n" + Workflows))
            .ToList();
        var outcome = EditSequence.Run("budget sample", files, edits: 40, seed: 20261130);

        output.WriteLine($"{outcome.Applied.Count} edits, {outcome.CarriedOver} carried over ({outcome.Patched} with new code facts), {outcome.Pieces}: {outcome.Summary}");
        Assert.Empty(outcome.Differences);
        Assert.True(outcome.CarriedOver > 0, "no edit of the sequence was carried over: " + outcome.Summary);
    }

    [Fact]
    public void Every_edit_to_the_parity_and_pattern_corpora_gives_the_schema_a_fresh_extraction_gives()
    {
        var differences = new List<string>();
        var carried = 0;
        var patched = 0;
        var applied = 0;
        var models = ParityCorpus.Models.Concat(PatternCorpus.Models).ToList();
        for (var i = 0; i < models.Count; i++)
        {
            var files = new List<(string Path, string Text)>
            {
                ("Model.cs", SourceModelHarness.Usings + models[i].Source),
                ("Workflows.cs", SourceModelHarness.Usings + Workflows),
            };
            var outcome = EditSequence.Run(models[i].Name, files, edits: 6, seed: 1000 + i, models[i].Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);
            differences.AddRange(outcome.Differences);
            carried += outcome.CarriedOver;
            patched += outcome.Patched;
            applied += outcome.Applied.Count;
        }

        output.WriteLine($"{applied} edits over {models.Count} models, {carried} carried over ({patched} with new code facts)");
        Assert.Empty(differences);
        Assert.True(carried > 0, $"none of {applied} edits was carried over");
    }

    [Fact]
    public void Every_edit_to_a_generated_benchmark_app_gives_the_schema_a_fresh_extraction_gives()
    {
        // The shapes bench/ measures (entity files, configuration classes, the context, services). At forty entities the app
        // has every shape and planted mistake the generator makes (keyless, owned, many-to-many; at ten some are missing),
        // and the test stays near ten seconds.
        var outcome = EditSequence.Run("generated app", FixCorpora.BenchSources(GeneratedEntities), edits: 40, seed: 20261201);

        output.WriteLine($"{outcome.Applied.Count} edits, {outcome.CarriedOver} carried over ({outcome.Patched} with new code facts), {outcome.Pieces}: {outcome.Summary}");
        Assert.Empty(outcome.Differences);
        Assert.True(outcome.CarriedOver > 0, "no edit of the sequence was carried over: " + outcome.Summary);
    }
}

/// <summary>One edit of a seeded sequence: what it does, in words, and the compilation after it.</summary>
internal sealed record SourceEdit(string Description, SyntaxTree Tree, IReadOnlyList<TextChange> Changes, SyntaxTree? MovedTo = null, TextChange? Insertion = null)
{
    public Compilation Apply(Compilation compilation)
    {
        var edited = compilation.ReplaceSyntaxTree(Tree, Tree.WithChangedText(Tree.GetText().WithChanges(Changes)));
        if (MovedTo is null || Insertion is null) return edited;
        return edited.ReplaceSyntaxTree(MovedTo, MovedTo.WithChangedText(MovedTo.GetText().WithChanges(Insertion.Value)));
    }
}

/// <summary>The edits people make while working on a model and the code around it, chosen by a seeded random.</summary>
internal static class SourceEdits
{
    public static SourceEdit? Pick(Compilation compilation, Random random, int step)
    {
        var trees = compilation.SyntaxTrees.Skip(1).ToList();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var edit = random.Next(11) switch
            {
                0 or 1 => Statement(trees, random, step),
                2 => StringNaming(trees, random, step),
                3 => MemberWrite(trees, random),
                4 => AddProperty(trees, random, step),
                5 => RenameProperty(trees, random),
                6 => DeleteProperty(trees, random),
                7 => AddEntity(trees, random, step),
                8 => ChangeFluentCall(trees, random, step),
                9 => RemoveEntity(trees, random),
                _ => MoveClass(trees, random),
            };
            if (edit is not null) return edit;
        }

        return null;
    }

    private static SourceEdit? Statement(List<SyntaxTree> trees, Random random, int step) =>
        AtBodyStart(trees, random, $"_ = {step};", "a statement typed into a body");

    private static SourceEdit? StringNaming(List<SyntaxTree> trees, Random random, int step)
    {
        var property = Pick(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()).ToList(), random);
        return property is null ? null : AtBodyStart(trees, random, $"_ = \"{property.Identifier.ValueText}\";", $"a string naming {property.Identifier.ValueText} typed into a body");
    }

    private static SourceEdit? MemberWrite(List<SyntaxTree> trees, Random random)
    {
        var property = Pick(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
            .Where(p => p.Parent is ClassDeclarationSyntax && p.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration)) == true).ToList(), random);
        if (property is null) return null;
        var owner = ((ClassDeclarationSyntax)property.Parent!).Identifier.ValueText;
        return AtBodyStart(trees, random, $"new {owner}().{property.Identifier.ValueText} = default!;", $"a write of {owner}.{property.Identifier.ValueText} typed into a body");
    }

    private static SourceEdit? AddProperty(List<SyntaxTree> trees, Random random, int step)
    {
        var type = Pick(Classes(trees).ToList(), random);
        return type is null ? null : Insert(type.SyntaxTree, type.OpenBraceToken.Span.End, $"\n    public string Added{step} {{ get; set; }} = \"\";", $"a property added to {type.Identifier.ValueText}");
    }

    private static SourceEdit? RenameProperty(List<SyntaxTree> trees, Random random)
    {
        var property = Pick(Properties(trees).ToList(), random);
        return property is null ? null : Insert(property.SyntaxTree, property.Identifier.Span.End, "Renamed", $"{property.Identifier.ValueText} renamed");
    }

    private static SourceEdit? DeleteProperty(List<SyntaxTree> trees, Random random)
    {
        var property = Pick(Properties(trees).ToList(), random);
        return property is null ? null : new SourceEdit($"{property.Identifier.ValueText} deleted", property.SyntaxTree, new[] { new TextChange(property.FullSpan, "") });
    }

    private static SourceEdit? AddEntity(List<SyntaxTree> trees, Random random, int step)
    {
        var context = Classes(trees).FirstOrDefault(c => c.BaseList?.Types.Any(t => t.Type.ToString().EndsWith("DbContext", StringComparison.Ordinal)) == true);
        if (context is null) return null;
        var name = $"Extra{step}";
        var tree = context.SyntaxTree;
        var changes = new[]
        {
            new TextChange(new TextSpan(context.OpenBraceToken.Span.End, 0), $"\n    public DbSet<{name}> {name}s => Set<{name}>();"),
            new TextChange(new TextSpan(tree.GetRoot().FullSpan.End, 0), $"\npublic class {name} {{ public int Id {{ get; set; }} public string Name {{ get; set; }} = \"\"; public double Amount {{ get; set; }} }}\n"),
        };
        return new SourceEdit($"entity {name} added", tree, changes);
    }

    /// <summary>An entity's DbSet and class deleted; code that still names it no longer compiles, as while a person works.</summary>
    private static SourceEdit? RemoveEntity(List<SyntaxTree> trees, Random random)
    {
        var set = Pick(Properties(trees).Where(p => p.Type is GenericNameSyntax { Identifier.ValueText: "DbSet", TypeArgumentList.Arguments.Count: 1 }).ToList(), random);
        if (set is null) return null;
        var entityName = ((GenericNameSyntax)set.Type).TypeArgumentList.Arguments[0].ToString();
        var entity = Classes(trees).FirstOrDefault(c => c.Identifier.ValueText == entityName && c.Parent is not TypeDeclarationSyntax);
        if (entity is null) return null;
        var description = $"entity {entityName} removed";
        if (entity.SyntaxTree != set.SyntaxTree)
            return new SourceEdit(description, set.SyntaxTree, new[] { new TextChange(set.FullSpan, "") }, entity.SyntaxTree, new TextChange(entity.FullSpan, ""));
        var changes = new[] { new TextChange(set.FullSpan, ""), new TextChange(entity.FullSpan, "") }.OrderBy(c => c.Span.Start).ToList();
        return entity.FullSpan.Contains(set.FullSpan) ? null : new SourceEdit(description, set.SyntaxTree, changes);
    }

    private static SourceEdit? ChangeFluentCall(List<SyntaxTree> trees, Random random, int step)
    {
        var literal = Pick(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression) && l.Ancestors().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText is "OnModelCreating" or "Configure"))
            .ToList(), random);
        if (literal is not null)
            return new SourceEdit($"Fluent argument {literal.Token.ValueText} changed", literal.SyntaxTree, new[] { new TextChange(literal.Span, (step + 7).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        var onModelCreating = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()).FirstOrDefault(m => m.Identifier.ValueText == "OnModelCreating" && m.Body is not null);
        if (onModelCreating is null) return null;
        var parameter = onModelCreating.ParameterList.Parameters[0].Identifier.ValueText;
        return Insert(onModelCreating.SyntaxTree, onModelCreating.Body!.OpenBraceToken.Span.End, $"\n        {parameter}.HasDefaultSchema(\"s{step}\");", "a Fluent call added to OnModelCreating");
    }

    private static SourceEdit? MoveClass(List<SyntaxTree> trees, Random random)
    {
        var type = Pick(Classes(trees).Where(c => c.Parent is not TypeDeclarationSyntax).ToList(), random);
        var target = Pick(trees.Where(t => t != type?.SyntaxTree).ToList(), random);
        if (type is null || target is null) return null;
        var text = "\n" + type.ToFullString() + "\n";
        return new SourceEdit($"{type.Identifier.ValueText} moved to {Path.GetFileName(target.FilePath)}", type.SyntaxTree, new[] { new TextChange(type.FullSpan, "") },
            target, new TextChange(new TextSpan(target.GetRoot().FullSpan.End, 0), text));
    }

    private static SourceEdit? AtBodyStart(List<SyntaxTree> trees, Random random, string statement, string description)
    {
        var body = Pick(trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BlockSyntax>())
            .Where(b => b.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax).ToList(), random);
        if (body is null) return null;
        var member = body.Parent is MethodDeclarationSyntax method ? method.Identifier.ValueText : body.Parent!.Kind().ToString();
        return Insert(body.SyntaxTree, body.OpenBraceToken.Span.End, "\n        " + statement, $"{description} ({member} in {Path.GetFileName(body.SyntaxTree.FilePath)})");
    }

    private static SourceEdit Insert(SyntaxTree tree, int position, string text, string description) =>
        new(description, tree, new[] { new TextChange(new TextSpan(position, 0), text) });

    private static IEnumerable<ClassDeclarationSyntax> Classes(List<SyntaxTree> trees) => trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());

    private static IEnumerable<PropertyDeclarationSyntax> Properties(List<SyntaxTree> trees) =>
        trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()).Where(p => p.Parent is ClassDeclarationSyntax);

    private static T? Pick<T>(IReadOnlyList<T> items, Random random) where T : class => items.Count == 0 ? null : items[random.Next(items.Count)];
}
