using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Bench.Infrastructure;

namespace SchemaLint.Bench.Editing;

/// <summary>
/// The compilation MSBuild handed csc (sources, references, options, .editorconfig files), rebuilt in-process from the logged
/// command line, the way an IDE rebuilds a project's compilation from its design-time build.
/// </summary>
public sealed class CompilerInvocation
{
    private CompilerInvocation(CSharpCompilation compilation, AnalyzerOptions analyzerOptions)
    {
        Compilation = compilation;
        AnalyzerOptions = analyzerOptions;
    }

    /// <summary>Never bound: every measurement forks it, so no semantic work is cached between measurements.</summary>
    public CSharpCompilation Compilation { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    public SyntaxTree Tree(string path) =>
        Compilation.SyntaxTrees.FirstOrDefault(t => string.Equals(t.FilePath, path, StringComparison.Ordinal))
        ?? throw new BenchmarkFailure($"The compilation has no file '{path}'.");

    public static CompilerInvocation Load(string commandLineFile, string projectDirectory)
    {
        var arguments = CommandLineParser.SplitCommandLineIntoArguments(File.ReadAllText(commandLineFile).Trim(), removeHashComments: false)
            .Skip(1) // the compiler's own path
            // The host's Roslyn may predate the SDK's language version; the generated code is C# 12.
            .Select(a => a.StartsWith("/langversion:", StringComparison.OrdinalIgnoreCase) ? "/langversion:latest" : a)
            .ToArray();
        var parsed = CSharpCommandLineParser.Default.Parse(arguments, projectDirectory, sdkDirectory: null);
        var errors = parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new BenchmarkFailure($"The logged csc command line does not parse: {errors[0]}");

        var trees = parsed.SourceFiles
            .AsParallel().AsOrdered()
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f.Path), System.Text.Encoding.UTF8), parsed.ParseOptions, f.Path))
            .ToList();
        var references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference)).ToList();
        var compilation = CSharpCompilation.Create(parsed.CompilationName ?? "BenchApp", trees, references, parsed.CompilationOptions);

        var configs = parsed.AnalyzerConfigPaths.Where(File.Exists)
            .Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList();
        var provider = new ConfigOptionsProvider(AnalyzerConfigSet.Create(configs));
        return new CompilerInvocation(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));
    }

    /// <summary>Options from the project's .editorconfig files, per source path, as the compiler computes them.</summary>
    private sealed class ConfigOptionsProvider(AnalyzerConfigSet set) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, AnalyzerConfigOptions> _byPath = new(StringComparer.Ordinal);
        private readonly object _gate = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

        private AnalyzerConfigOptions ForPath(string path)
        {
            lock (_gate)
            {
                if (!_byPath.TryGetValue(path, out var options))
                    _byPath[path] = options = new Options(set.GetOptionsForSourcePath(path).AnalyzerOptions);
                return options;
            }
        }
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
