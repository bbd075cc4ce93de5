using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.Migrations
{
    /// <summary>
    /// The migration rules (SL7001-SL7006) on the migration classes of the compilation: the <c>MigrationBuilder</c> calls of each
    /// <c>Up</c>, judged against the migrations before it. Each finding is reported by the symbol action of its migration class,
    /// so the IDE shows it while that file is open. Scaffolded migration files carry no generated-code marker (their
    /// <c>.Designer.cs</c> halves do, and are skipped), so skipping generated code leaves exactly what developers edit.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MigrationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = SchemaLintDescriptors.MigrationRules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = MigrationSymbols.TryCreate(start.Compilation);
                if (symbols is null) return;
                var migrations = new CompilationMigrations(start.Compilation, symbols, start.Options.AnalyzerConfigOptionsProvider, AnalyzerBaseline.For(start.Options, start.Compilation, start.CancellationToken));
                start.RegisterSymbolAction(symbol =>
                {
                    var type = (INamedTypeSymbol)symbol.Symbol;
                    if (!symbols.IsMigration(type)) return;
                    foreach (var diagnostic in migrations.For(type, symbol.CancellationToken)) symbol.ReportDiagnostic(diagnostic);
                }, SymbolKind.NamedType);
            });
        }
    }
}
