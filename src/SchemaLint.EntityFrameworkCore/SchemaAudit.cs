using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.EntityFrameworkCore.Diagnostics;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>
    /// Audits a DbContext's model with SchemaLint's rules, from a test suite or any program. Options come from code or from
    /// an .editorconfig (<c>EditorConfigReader.ReadFile(path)</c> / <c>EditorConfigReader.ReadForDirectory(dir)</c>), so the
    /// test, the build and the console command agree.
    /// </summary>
    public static class SchemaAudit
    {
        /// <summary>Reads the model and runs every rule the runtime can see (source-only rules need the analyzers).</summary>
        /// <exception cref="ModelBuildException">EF Core could not build the model.</exception>
        public static AuditReport Run(DbContext context, SchemaLintOptions? options = null)
        {
            options ??= SchemaLintOptions.Default;
            var loaded = EfSchemaReader.Load(context);
            var notes = new List<string>();
            foreach (var error in options.Errors) notes.Add("Option: " + error);

            var model = loaded.Read(notes);
            model.Migrations = Migrations.CompiledMigrationReader.Read(context, notes);
            var findings = SchemaLintEngine.Default.Analyze(model, options);
            notes.AddRange(WarningReconciler.Notes(ReplayWarnings(loaded, notes), findings, options));
            return new AuditReport(loaded.ContextName, loaded.Provider, model, findings, notes, options.Errors, PackageOwnership.SkippedEntityTypes(model, options));
        }

        /// <summary>
        /// Throws <see cref="SchemaAuditException"/> listing every finding at warning or above (after configured severities) and
        /// every configuration problem: a mistyped option would otherwise weaken the test without a word.
        /// </summary>
        /// <exception cref="SchemaAuditException">The model has findings at warning or above, or the options have problems.</exception>
        /// <exception cref="ModelBuildException">EF Core could not build the model.</exception>
        public static void Verify(DbContext context, SchemaLintOptions? options = null) => SchemaAuditException.ThrowIfFailing(Run(context, options));

        private static IReadOnlyList<EfModelWarning> ReplayWarnings(EfSchemaReader.LoadedModel loaded, List<string> notes)
        {
            try
            {
                return ModelValidationReplay.Collect(loaded.Context, loaded.Model);
            }
            catch (Exception e) when (e is InvalidOperationException || e is NotSupportedException || e is InvalidCastException)
            {
                // The model itself was read; only EF Core's own warnings are missing, and the rules do not depend on them.
                notes.Add($"EF Core's model validation warnings could not be collected ({e.Message}).");
                return Array.Empty<EfModelWarning>();
            }
        }
    }
}
