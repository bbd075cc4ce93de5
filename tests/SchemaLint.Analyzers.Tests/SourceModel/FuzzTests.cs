using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Packaging;
using SchemaLint.Analyzers.Tests.Parity;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// The reader never throws and never hangs on broken code: a fixed-seed campaign of truncations, token deletions and token
/// insertions over the samples and the parity and pattern models. CI runs a bounded count; set SCHEMALINT_FUZZ_COUNT
/// (and optionally SCHEMALINT_FUZZ_SEED) for a larger run, as bench/fuzz.sh does.
/// </summary>
public class FuzzTests
{
    private const int DefaultCount = 600;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    /// <summary>Tokens a typist or a bad merge leaves behind, biased to what model-building code is made of.</summary>
    private static readonly string[] Insertions =
    {
        "(", ")", "{", "}", "<", ">", ".", ";", ",", "\"", "=>", "?.", "!", "null", "\"\"", "new()", "Entity<", "Property(", "HasOne(",
        "OwnsOne(", "Owned<", "modelBuilder.", "builder.", "base.OnModelCreating(modelBuilder);", "[Owned]", "public Blog? Blog { get; set; }",
        "if (Database.IsNpgsql())", "foreach (var e in modelBuilder.Model.GetEntityTypes())", "#nullable disable\n", "partial ",
    };

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Broken_code_never_makes_the_reader_throw_or_hang()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("SCHEMALINT_FUZZ_COUNT"), out var configured) ? configured : DefaultCount;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SCHEMALINT_FUZZ_SEED"), out var configuredSeed) ? configuredSeed : 18;
        var random = new Random(seed);
        var corpus = Corpus();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var kinds = new Dictionary<string, int> { ["truncation"] = 0, ["deletion"] = 0, ["insertion"] = 0 };
        for (var i = 0; i < count; i++)
        {
            var (name, files) = corpus[random.Next(corpus.Count)];
            var target = random.Next(files.Count);
            var (kind, mutated) = Mutate(files[target].Text, random);
            kinds[kind]++;
            var mutatedFiles = files.Select((f, index) => index == target ? (f.Path, mutated) : f).ToList();
            var stopwatch = Stopwatch.StartNew();
            try
            {
                Read(mutatedFiles);
            }
            catch (OperationCanceledException)
            {
                failures.Add($"{name} ({kind} in {files[target].Path}, seed {seed}, step {i}): still reading after {HangGuard.TotalSeconds} s");
            }
            catch (Exception exception)
            {
                failures.Add($"{name} ({kind} in {files[target].Path}, seed {seed}, step {i}): {exception.GetType().Name}: {exception.Message}");
            }

            if (stopwatch.Elapsed > slowest) slowest = stopwatch.Elapsed;
        }

        _output.WriteLine($"{count} mutations (seed {seed}): {string.Join(", ", kinds.Select(k => $"{k.Value} {k.Key}s"))}; slowest read {slowest.TotalMilliseconds:F0} ms.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} mutations broke the reader:\n" + string.Join("\n", failures.Take(20)));
    }

    private static List<(string Name, List<(string Path, string Text)> Files)> Corpus()
    {
        var corpus = ParityCorpus.Models.Concat(PatternCorpus.Models)
            .Select(m => (m.Name, new List<(string, string)> { ("Model.cs", SourceModelHarness.Usings + m.Source) }))
            .ToList();
        foreach (var sample in new[] { "BudgetTracker", "BudgetTracker.Reviewed" })
        {
            var directory = Path.Combine(RepositoryPaths.Root, "samples", sample);
            var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(directory, f), File.ReadAllText(f)))
                .ToList();
            corpus.Add((sample, files));
        }

        return corpus;
    }

    private static (string Kind, string Text) Mutate(string text, Random random)
    {
        var position = random.Next(text.Length + 1);
        switch (random.Next(3))
        {
            case 0:
                return ("truncation", text.Substring(0, position));
            case 1:
            {
                var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
                var token = tokens[random.Next(tokens.Count)];
                return ("deletion", text.Remove(token.SpanStart, token.Span.Length));
            }

            default:
                return ("insertion", text.Insert(position, Insertions[random.Next(Insertions.Length)]));
        }
    }

    private static void Read(List<(string Path, string Text)> files)
    {
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/" + f.Path));
        var compilation = CSharpCompilation.Create("Fuzz", trees, SourceModelHarness.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var symbols = EfSymbols.TryCreate(compilation);
        if (symbols is null) return;
        using var guard = new CancellationTokenSource(HangGuard);
        var schema = SourceSchemaBuilder.Build(compilation, symbols, SchemaLintOptions.Default, guard.Token);
        foreach (var model in schema.Models) SchemaLintEngine.Default.Analyze(model, SchemaLintOptions.Default);
    }
}
