using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.Options;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Lifecycle
{
    /// <summary>SL5002: a DbContext created with <c>new</c> or a factory's <c>CreateDbContext</c> that its method neither disposes nor hands on.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DbContextDisposalAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SchemaLintDescriptors.DbContextNotDisposed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = LifecycleSymbols.TryCreate(start.Compilation);
                if (symbols is null) return;
                var baseline = AnalyzerBaseline.For(start.Options, start.Compilation, start.CancellationToken);
                start.RegisterOperationAction(operation => AnalyzeCreation(operation, symbols, baseline), OperationKind.ObjectCreation);
                if (symbols.ContextFactory is not null)
                    start.RegisterOperationAction(operation => AnalyzeFactoryCall(operation, symbols, baseline), OperationKind.Invocation);
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, LifecycleSymbols symbols, AnalyzerBaseline baseline)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is null || !symbols.IsDbContext(creation.Type)) return;
            Analyze(context, symbols, creation, creation.Type, baseline);
        }

        private static void AnalyzeFactoryCall(OperationAnalysisContext context, LifecycleSymbols symbols, AnalyzerBaseline baseline)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!symbols.IsFactoryCreate(invocation.TargetMethod)) return;
            var contextType = invocation.TargetMethod.Name == "CreateDbContextAsync"
                ? (invocation.Type as INamedTypeSymbol)?.TypeArguments.FirstOrDefault()
                : invocation.Type;
            if (contextType is null) return;
            Analyze(context, symbols, invocation, contextType, baseline);
        }

        private static void Analyze(OperationAnalysisContext context, LifecycleSymbols symbols, IOperation creation, ITypeSymbol contextType, AnalyzerBaseline baseline)
        {
            if (GeneratedModelCode.IsMigrationOrSnapshot(context.ContainingSymbol.ContainingType, symbols.Migration, symbols.ModelSnapshot)) return;
            if (ContextOwnership.FateOf(creation) != ContextFate.Abandoned) return;

            var location = creation.Syntax.GetLocation();
            var model = SingleRuleEngines.CodeModel(symbols.IsTestProject);
            model.Code.UndisposedContexts.Add(new CodeSite(SourceLocations.From(location), contextType.Name)
            {
                ContainingType = context.ContainingSymbol.ContainingType?.ToDisplayString(),
                IsAsync = creation is IInvocationOperation { TargetMethod.Name: "CreateDbContextAsync" },
            });
            var options = AnalyzerOptionsReader.Read(context.Options.AnalyzerConfigOptionsProvider, creation.Syntax.SyntaxTree);
            SingleRuleEngines.Report(SingleRuleEngines.DbContextNotDisposed, model, options, location, contextType.ToDisplayString(), baseline, context.ReportDiagnostic);
        }
    }
}
