using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Parity;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// While a model-building statement is being typed, no finding may appear that neither the code without the statement nor
/// the completed code produces; and no keystroke may make the reader throw or hang. Every statement of the model-building
/// methods in the parity and pattern corpora is typed out (a fixed-seed sample of its prefixes, plain and with the brackets an
/// editor closes automatically).
/// </summary>
public class TypingTests
{
    private const int PrefixesPerStatement = 6;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private static readonly SchemaLintOptions EveryRule = SchemaLintOptions.Default;

    private readonly ITestOutputHelper _output;

    public TypingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void A_half_typed_statement_makes_no_finding_appear_and_never_throws()
    {
        var random = new Random(20261130);
        var variants = 0;
        var statements = 0;
        var violations = new List<string>();
        foreach (var model in ParityCorpus.Models.Concat(PatternCorpus.Models))
        {
            var source = model.Source;
            foreach (var statement in ModelBuildingStatements(source))
            {
                statements++;
                var text = statement.ToString();
                var before = Findings(source.Remove(statement.SpanStart, statement.Span.Length), model.Nullable);
                var completed = Findings(source, model.Nullable);
                var allowed = new HashSet<string>(before.Concat(completed));
                foreach (var length in Prefixes(text.Length, random))
                {
                    var prefix = text.Substring(0, length);
                    foreach (var typed in new[] { prefix, prefix + AutoClosed(prefix) })
                    {
                        variants++;
                        var during = Findings(source.Remove(statement.SpanStart, statement.Span.Length).Insert(statement.SpanStart, typed), model.Nullable);
                        foreach (var finding in during.Where(f => !allowed.Contains(f)))
                            violations.Add($"{model.Name}: typing \"{typed}\" made \"{finding}\" appear");
                    }
                }
            }
        }

        _output.WriteLine($"{statements} statements typed out, {variants} half-typed versions read.");
        Assert.True(statements >= 50, $"only {statements} statements found to type");
        Assert.True(violations.Count == 0, $"{violations.Count} finding(s) appeared while typing:\n" + string.Join("\n", violations.Distinct().Take(40)));
    }

    [Fact]
    public void A_finding_on_another_entity_stays_while_a_statement_is_typed()
    {
        const string Source = """
            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Product> Products => Set<Product>();
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Product>().Property(p => p.Name).HasMax
                    modelBuilder.Entity<Product>().Property(p => p.Code).HasMaxLength(20);
                }
            }
            public class Customer { public int Id { get; set; } public string Email { get; set; } = ""; }
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public string Code { get; set; } = ""; }
            """;
        var findings = Findings(Source, nullable: true);
        Assert.Contains(findings, f => f.StartsWith("SL2007", StringComparison.Ordinal) && f.Contains("Customer.Email", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("Product.", StringComparison.Ordinal));
    }

    /// <summary>Expression statements inside OnModelCreating, ConfigureConventions and Configure, lambda blocks included.</summary>
    private static IEnumerable<StatementSyntax> ModelBuildingStatements(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        return root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.ValueText is "OnModelCreating" or "ConfigureConventions" or "Configure")
            .SelectMany(m => m.DescendantNodes().OfType<ExpressionStatementSyntax>())
            .ToList();
    }

    private static IEnumerable<int> Prefixes(int length, Random random)
    {
        if (length <= PrefixesPerStatement) return Enumerable.Range(1, length - 1);
        var points = new SortedSet<int> { 1, length / 2, length - 1 };
        while (points.Count < PrefixesPerStatement) points.Add(random.Next(1, length));
        return points;
    }

    /// <summary>The closing brackets and quote an editor inserts as the opening ones are typed.</summary>
    private static string AutoClosed(string prefix)
    {
        var open = new Stack<char>();
        var inString = false;
        foreach (var c in prefix)
        {
            if (c == '"') inString = !inString;
            if (inString) continue;
            if (c is '(' or '[' or '{') open.Push(c);
            else if (c is ')' or ']' or '}' && open.Count > 0) open.Pop();
        }

        var closers = inString ? "\"" : string.Empty;
        while (open.Count > 0) closers += open.Pop() switch { '(' => ")", '[' => "]", _ => "}" };
        return closers;
    }

    /// <summary>Every model finding of the source (compiled even with errors, as the IDE reads it), as "id: message".</summary>
    private static List<string> Findings(string source, bool nullable)
    {
        var tree = CSharpSyntaxTree.ParseText(SourceModelHarness.Usings + source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Model.cs");
        var compilation = CSharpCompilation.Create(
            "Typing",
            new[] { tree },
            SourceModelHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable));
        using var guard = new CancellationTokenSource(HangGuard);
        var schema = SourceSchemaBuilder.Build(compilation, EfSymbols.TryCreate(compilation)!, EveryRule, guard.Token);
        return schema.Models.SelectMany(m => SchemaLintEngine.Default.Analyze(m, EveryRule)).Select(f => $"{f.RuleId}: {f.Message}").ToList();
    }
}
