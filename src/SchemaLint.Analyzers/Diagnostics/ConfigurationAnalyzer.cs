using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Options;

namespace SchemaLint.Analyzers.Diagnostics
{
    /// <summary>
    /// SL0001: reports each configuration problem SchemaLint's option reader met (an unknown <c>schemalint.*</c> key, a value
    /// it cannot read), once per compilation, in the sentence the audit and the test API use. The compiler does not tell
    /// analyzers which .editorconfig file or line a value came from, so the diagnostic has no location (the build prints it
    /// as <c>CSC : warning SL0001</c>); the sentence names the key.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SchemaLintDescriptors.ConfigurationProblem);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Reported from the syntax trees (never only at compilation end, so the IDE shows it while you type): each file
                // sees the global config and its own .editorconfig sections; the same problem seen through many files, or
                // through the same options object, is one diagnostic.
                var reported = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
                var read = new ConcurrentDictionary<AnalyzerConfigOptions, bool>();
                var provider = start.Options.AnalyzerConfigOptionsProvider;

                // A baseline that names no AdditionalFiles item, or cannot be read, leaves every finding reported: say why.
                var baselineProblem = AnalyzerBaseline.For(start.Options, start.Compilation, start.CancellationToken).Problem;
                start.RegisterSyntaxTreeAction(tree =>
                {
                    if (baselineProblem is not null && reported.TryAdd(baselineProblem, true))
                        tree.ReportDiagnostic(Diagnostic.Create(SchemaLintDescriptors.ConfigurationProblem, Location.None, baselineProblem));
                    if (!read.TryAdd(provider.GetOptions(tree.Tree), true)) return;
                    foreach (var problem in AnalyzerOptionsReader.Read(provider, tree.Tree).Errors)
                    {
                        if (reported.TryAdd(problem, true)) tree.ReportDiagnostic(Diagnostic.Create(SchemaLintDescriptors.ConfigurationProblem, Location.None, problem));
                    }
                });
            });
        }
    }
}
