using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Diagnostics;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The source-only rules see one call or assignment at a time. Rather than judging it here, the analyzer records what it saw
    /// in a small model and asks Core's rule, so the id, the message and the options (exclusions, severities) are the engine's.
    /// </summary>
    internal static class SingleRuleEngines
    {
        public static readonly SchemaLintEngine LocalTimeInTimestamp = For(RuleIds.LocalTimeInTimestamp);
        public static readonly SchemaLintEngine EnsureCreatedOutsideTests = For(RuleIds.EnsureCreatedOutsideTests);
        public static readonly SchemaLintEngine DbContextNotDisposed = For(RuleIds.DbContextNotDisposed);

        /// <summary>A model of code facts alone: the source-only rules read nothing else.</summary>
        public static SchemaModel CodeModel(bool isTestProject = false)
        {
            var model = new SchemaModel();
            model.Code.IsObserved = true;
            model.Code.IsTestProject = isTestProject;
            return model;
        }

        /// <summary>
        /// Runs the engine and reports what it found at <paramref name="location"/>, where the analyzer saw the code, unless the
        /// baseline holds it for <paramref name="context"/> (the DbContext the site belongs to, or null).
        /// </summary>
        public static void Report(SchemaLintEngine engine, SchemaModel model, SchemaLintOptions options, Location location, string? context, AnalyzerBaseline baseline, System.Action<Diagnostic> report)
        {
            foreach (var finding in engine.Analyze(model, options))
            {
                var diagnostic = FindingDiagnostics.Create(finding, location, new[] { context }, baseline);
                if (diagnostic is not null) report(diagnostic);
            }
        }

        private static SchemaLintEngine For(string id) => new SchemaLintEngine(RuleCatalog.Rules.Where(r => r.Descriptor.Id == id));
    }
}
