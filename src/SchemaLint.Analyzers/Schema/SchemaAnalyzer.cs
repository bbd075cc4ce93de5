using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// The model rules (SL1001-SL4002, from the schema the source establishes) and SL3003 (local time written into a mapped
    /// DateTime). Live: each finding is reported by the symbol action of the type whose declaration contains it, so the IDE
    /// shows it while that document is analyzed: on an entity's property, on a Fluent call in a configuration class, on a context.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SchemaAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            SchemaLintDescriptors.ModelRules.Add(SchemaLintDescriptors.LocalTimeInTimestamp).Add(SchemaLintDescriptors.ModelNotRead).Add(SchemaLintDescriptors.ModelUnknown);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = EfSymbols.TryCreate(start.Compilation);
                if (symbols is null) return;
                var migration = symbols.Find("Microsoft.EntityFrameworkCore.Migrations.Migration");
                var snapshot = symbols.Find("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot");
                var schema = new CompilationSchema(start.Compilation, symbols, start.Options.AnalyzerConfigOptionsProvider, AnalyzerBaseline.For(start.Options, start.Compilation, start.CancellationToken));

                start.RegisterSymbolAction(symbol =>
                {
                    var type = (INamedTypeSymbol)symbol.Symbol;
                    if (GeneratedModelCode.IsMigrationOrSnapshot(type, migration, snapshot)) return;
                    ReportFindingsDeclaredIn(symbol, type, schema);
                    if (symbols.IsDbContext(type)) ReportReadFailure(symbol, type, schema);
                }, SymbolKind.NamedType);

                start.RegisterOperationAction(operation =>
                {
                    if (GeneratedModelCode.IsMigrationOrSnapshot(operation.ContainingSymbol.ContainingType, migration, snapshot)) return;
                    LocalTimeWrites.Analyze(operation, schema);
                }, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.PropertyInitializer);
            });
        }

        /// <summary>Reports the findings that lie in this type's own declarations (not in types nested in it, which report their own).</summary>
        private static void ReportFindingsDeclaredIn(SymbolAnalysisContext context, INamedTypeSymbol type, CompilationSchema schema)
        {
            AnalyzedSchema? analyzed = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var tree = reference.SyntaxTree;
                if (GeneratedModelCode.IsGeneratedFile(tree)) continue;
                analyzed ??= schema.Get(context.CancellationToken);
                var findings = analyzed.FindingsIn(tree);
                if (findings.Count == 0) continue;

                var declaration = reference.GetSyntax(context.CancellationToken);
                foreach (var placed in findings)
                {
                    if (!declaration.Span.Contains(placed.Span) || !IsInnermostTypeDeclaration(declaration, placed)) continue;
                    var diagnostic = FindingDiagnostics.Create(placed.Finding, Location.Create(tree, placed.Span), placed.Contexts, schema.Baseline);
                    if (diagnostic is not null) context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>
        /// On each context the compilation declares, live in the context's file: SL0002 when the reader failed, SL0003 when
        /// the context's model depends on code the reader cannot see.
        /// </summary>
        private static void ReportReadFailure(SymbolAnalysisContext context, INamedTypeSymbol type, CompilationSchema schema)
        {
            if (type.Locations.FirstOrDefault(l => l.IsInSource) is not { } location) return;
            var analyzed = schema.Get(context.CancellationToken);
            if (analyzed.ReadFailure is { } failure)
            {
                context.ReportDiagnostic(Diagnostic.Create(SchemaLintDescriptors.ModelNotRead, location, failure));
                return;
            }

            var name = SourceModel.Discovery.ClrTypes.FullNameForEntity(type);
            foreach (var model in analyzed.Models)
            {
                if (model.UnknownReason is { } reason && model.ContextName == name)
                    context.ReportDiagnostic(Diagnostic.Create(SchemaLintDescriptors.ModelUnknown, location, type.Name, reason));
            }
        }

        private static bool IsInnermostTypeDeclaration(SyntaxNode declaration, PlacedFinding placed)
        {
            var node = declaration.FindNode(placed.Span, getInnermostNodeForTie: true);
            var innermost = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax);
            return innermost == declaration;
        }
    }
}
