using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Tests.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.EntityFrameworkCore;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.Parity;

/// <summary>
/// Issue 20's "one answer per finding", over the parity corpus: a finding both front ends make (same rule, entity and member)
/// points at the same file and line in the analyzers' diagnostics and in the audit. Each model is compiled once, to a file
/// on disk with an assembly and its portable PDB beside it, as a build leaves them: the analyzers run on that compilation,
/// and the audit reads the loaded assembly through <see cref="SchemaAudit.Run"/>, the call the console command's host makes,
/// so its lines come from the same PDB mapping (rules.md, "One answer per finding").
/// </summary>
public sealed class SameLineTests : IDisposable
{
    /// <summary>The rules whose analyzers' findings the corpus shows on the configuring call or attribute (rules.md lists them).</summary>
    private static readonly string[] PlacedOnConfiguringCode = { "SL1004", "SL1007", "SL2003", "SL2006", "SL4002" };

    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-parity-lines-").FullName;
    private readonly ITestOutputHelper _output;

    public SameLineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Findings_both_front_ends_make_on_the_parity_corpus_point_at_the_same_line()
    {
        var models = ParityCorpus.Models.Concat(PatternCorpus.Models).ToList();
        var compared = new List<LinePair>();
        foreach (var model in models) compared.AddRange(Compare(model));

        _output.WriteLine($"{compared.Count} findings both front ends make, in {compared.Select(p => p.Model).Distinct().Count()} of {models.Count} models, over rules {string.Join(", ", compared.Select(p => p.Key.RuleId).Distinct().Order())}.");
        foreach (var pair in compared.Where(p => p.Build != p.Audit && p.AtConfiguringCode)) _output.WriteLine("at the configuring code: " + pair);
        var differing = compared.Where(p => p.Build != p.Audit && !p.AtConfiguringCode).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} finding(s) point at different lines:{Environment.NewLine}{string.Join(Environment.NewLine, differing)}");

        // The check means something only if the corpus gives both front ends findings to agree on, across rules.
        Assert.True(compared.Count(p => p.Build == p.Audit) >= 100 && compared.Select(p => p.Key.RuleId).Distinct().Count() >= 10, string.Join(Environment.NewLine, compared));
    }

    private IEnumerable<LinePair> Compare(ParityModel model)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_scratch, model.Name)).FullName;
        var compilation = SourceModelHarness.CompileOnDisk(directory, model.Source, model.Nullable);
        var build = FromAnalyzers(compilation);
        var audit = FromAudit(compilation, directory);

        foreach (var key in build.Keys.Intersect(audit.Keys))
        {
            var fromBuild = build[key].Select(d => Place(d.Location.SourceTree!.FilePath, d.Location.GetLineSpan().StartLinePosition.Line + 1)).Distinct().Order(StringComparer.Ordinal).ToList();
            var fromAudit = audit[key];
            var atConfiguringCode = PlacedOnConfiguringCode.Contains(key.RuleId)
                && build[key].All(d => IsConfiguringCode(compilation, d.Location)) && fromAudit.All(place => place == MemberPlace(compilation, key));
            if (fromBuild.Count != fromAudit.Count)
            {
                yield return new LinePair(model.Name, key, string.Join("; ", fromBuild), string.Join("; ", fromAudit), atConfiguringCode);
                continue;
            }

            for (var i = 0; i < fromBuild.Count; i++) yield return new LinePair(model.Name, key, fromBuild[i], fromAudit[i], atConfiguringCode);
        }
    }

    /// <summary>
    /// The one named exception (rules.md, "One answer per finding"): a finding whose fact a Fluent call set (<c>HasMaxLength(200)</c>,
    /// <c>IsRequired()</c>, <c>HasIndex(...)</c>, <c>HasNoKey()</c>, a relationship chain, a convention in ConfigureConventions) or
    /// an attribute set (<c>[MaxLength(100)]</c> on a line of its own) is placed by the analyzers on that call or attribute, where
    /// its fix goes. The compiled model records neither, so the audit points at the member or type, as for any other finding.
    /// True when the analyzers' location lies in a call to an EF Core method or in an EF Core or data-annotations attribute.
    /// </summary>
    private static bool IsConfiguringCode(Compilation compilation, Location location)
    {
        var tree = location.SourceTree!;
        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var semantics = compilation.GetSemanticModel(tree);
        var configuring = node.AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax or AttributeSyntax) switch
        {
            InvocationExpressionSyntax call => (semantics.GetSymbolInfo(call).Symbol as IMethodSymbol)?.ContainingNamespace,
            AttributeSyntax attribute => semantics.GetTypeInfo(attribute).Type?.ContainingNamespace,
            _ => null,
        };
        var name = configuring?.ToDisplayString() ?? "";
        return name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("System.ComponentModel.DataAnnotations", StringComparison.Ordinal);
    }

    /// <summary>Where the line rule puts a finding: the member's declaration, or the entity type's when it names no member.</summary>
    private static string? MemberPlace(Compilation compilation, FindingKey key)
    {
        var type = key.Entity is null ? null : compilation.GetTypeByMetadataName(key.Entity);
        ISymbol? symbol = type;
        if (type is not null && key.Member is not null)
        {
            symbol = null;
            for (var current = type; current is not null && symbol is null; current = current.BaseType)
                symbol = current.GetMembers(key.Member).FirstOrDefault();
        }

        var location = symbol?.Locations.FirstOrDefault(l => l.IsInSource);
        return location is null ? null : Place(location.SourceTree!.FilePath, location.GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>The analyzers' findings on the model, as the compiler reports them, by rule, entity and member.</summary>
    private static Dictionary<FindingKey, List<Diagnostic>> FromAnalyzers(Compilation compilation)
    {
        var diagnostics = compilation.WithAnalyzers(SchemaLintAnalyzers.All).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics
            .Where(d => d.Properties.ContainsKey(FindingDiagnostics.EntityProperty) && d.Location.IsInSource)
            .GroupBy(d => new FindingKey(d.Id, d.Properties[FindingDiagnostics.EntityProperty], d.Properties.GetValueOrDefault(FindingDiagnostics.MemberProperty)))
            .ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The audit's findings on the model EF Core builds from the emitted assembly, by rule, entity and member.</summary>
    private static Dictionary<FindingKey, List<string>> FromAudit(Compilation compilation, string directory)
    {
        var assemblyPath = Path.Combine(directory, compilation.AssemblyName + ".dll");
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        using (var image = File.Create(assemblyPath))
        using (var symbols = File.Create(pdbPath))
        {
            var emitted = compilation.Emit(image, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: pdbPath));
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        }

        // Not unloaded: the audit keeps each assembly's symbols for the life of the process, as it does in the command's host.
        var assembly = new AssemblyLoadContext("same-line-" + compilation.AssemblyName, isCollectible: true).LoadFromAssemblyPath(assemblyPath);
        var findings = new List<SchemaLint.Core.Engine.Finding>();
        foreach (var contextType in assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            using var context = (DbContext)Activator.CreateInstance(contextType)!;
            findings.AddRange(SchemaAudit.Run(context).Findings);
        }

        return findings
            .GroupBy(f => new FindingKey(f.RuleId, f.EntityName, f.MemberName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Location is null ? "(no location)" : Place(f.Location.FilePath, f.Location.Line)).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static string Place(string file, int line) => $"{file}({line})";

    private sealed record FindingKey(string RuleId, string? Entity, string? Member)
    {
        public override string ToString() => $"{RuleId} {Entity}{(Member is null ? "" : "." + Member)}";
    }

    /// <param name="AtConfiguringCode">The analyzers point at the EF Core call or attribute that set the fact and the audit at the member (<see cref="IsConfiguringCode"/>).</param>
    private sealed record LinePair(string Model, FindingKey Key, string Build, string Audit, bool AtConfiguringCode)
    {
        public override string ToString() => $"{Model}: {Key}: build {Build}, audit {Audit}";
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
