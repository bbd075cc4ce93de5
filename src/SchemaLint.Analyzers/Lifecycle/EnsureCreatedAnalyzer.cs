using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Options;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Lifecycle
{
    /// <summary>SL5001: <c>Database.EnsureCreated()</c> in a project that is not a test project.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnsureCreatedAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SchemaLintDescriptors.EnsureCreatedOutsideTests);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = LifecycleSymbols.TryCreate(start.Compilation);

                // Test projects may create throwaway schemas as they like: the rule would be silent for every call.
                if (symbols?.DatabaseFacade is null || symbols.IsTestProject) return;
                var baseline = AnalyzerBaseline.For(start.Options, start.Compilation, start.CancellationToken);
                start.RegisterOperationAction(operation => AnalyzeInvocation(operation, symbols, baseline), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, LifecycleSymbols symbols, AnalyzerBaseline baseline)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name != "EnsureCreated" && method.Name != "EnsureCreatedAsync") return;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.DatabaseFacade)) return;
            if (GeneratedModelCode.IsMigrationOrSnapshot(context.ContainingSymbol.ContainingType, symbols.Migration, symbols.ModelSnapshot)) return;

            var location = invocation.Syntax.GetLocation();
            var model = SingleRuleEngines.CodeModel(symbols.IsTestProject);
            model.Code.EnsureCreatedCalls.Add(new CodeSite(SourceLocations.From(location), ContextName(invocation))
            {
                ContainingType = context.ContainingSymbol.ContainingType?.ToDisplayString(),
                IsAsync = method.Name == "EnsureCreatedAsync",
            });
            var options = AnalyzerOptionsReader.Read(context.Options.AnalyzerConfigOptionsProvider, invocation.Syntax.SyntaxTree);
            SingleRuleEngines.Report(SingleRuleEngines.EnsureCreatedOutsideTests, model, options, location, ContextType(invocation)?.ToDisplayString(), baseline, context.ReportDiagnostic);
        }

        /// <summary>The context whose database is created (<c>db.Database.EnsureCreated()</c>), as the subject of the finding.</summary>
        private static string ContextName(IInvocationOperation invocation) => ContextType(invocation)?.Name ?? "Database";

        /// <summary>The receiver's context type, which also names the finding's context in its fingerprint; null when the code does not say.</summary>
        private static ITypeSymbol? ContextType(IInvocationOperation invocation) =>
            invocation.Instance is IPropertyReferenceOperation { Instance.Type: { } contextType } ? contextType : null;
    }
}
