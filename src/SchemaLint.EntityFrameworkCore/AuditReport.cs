using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>What an audit of one DbContext found, with the model it read and what it could not read.</summary>
    public sealed class AuditReport
    {
        public AuditReport(string contextName, DatabaseProvider provider, SchemaModel model, IReadOnlyList<Finding> findings, IReadOnlyList<string> notes)
            : this(contextName, provider, model, findings, notes, Array.Empty<string>())
        {
        }

        public AuditReport(string contextName, DatabaseProvider provider, SchemaModel model, IReadOnlyList<Finding> findings, IReadOnlyList<string> notes, IReadOnlyList<string> configurationErrors)
            : this(contextName, provider, model, findings, notes, configurationErrors, Array.Empty<PackageEntityTypes>())
        {
        }

        public AuditReport(string contextName, DatabaseProvider provider, SchemaModel model, IReadOnlyList<Finding> findings, IReadOnlyList<string> notes, IReadOnlyList<string> configurationErrors,
            IReadOnlyList<PackageEntityTypes> skippedPackageEntityTypes)
        {
            SkippedPackageEntityTypes = skippedPackageEntityTypes ?? throw new ArgumentNullException(nameof(skippedPackageEntityTypes));
            ConfigurationErrors = configurationErrors ?? throw new ArgumentNullException(nameof(configurationErrors));
            ContextName = contextName ?? throw new ArgumentNullException(nameof(contextName));
            Provider = provider;
            Model = model ?? throw new ArgumentNullException(nameof(model));
            Findings = findings ?? throw new ArgumentNullException(nameof(findings));
            Notes = notes ?? throw new ArgumentNullException(nameof(notes));
        }

        /// <summary>The DbContext's CLR name.</summary>
        public string ContextName { get; }

        /// <summary>The provider the context was configured with (not an options override).</summary>
        public DatabaseProvider Provider { get; }

        /// <summary>The schema model the rules ran on.</summary>
        public SchemaModel Model { get; }

        /// <summary>Every finding at its effective severity, in the engine's stable order.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>Things the audit skipped or could not establish, and EF Core warnings no catalog rule covers.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>
        /// Problems in the options the audit ran with (an unknown <c>schemalint.*</c> key, a value SchemaLint cannot read), one
        /// sentence each, as the build reports them under SL0001. Each such option kept its default.
        /// <see cref="SchemaAudit.Verify"/> fails on them.
        /// </summary>
        public IReadOnlyList<string> ConfigurationErrors { get; }

        /// <summary>
        /// The entity types packages declare (Identity's roles and claims, OpenIddict's tokens), by package, whose findings were
        /// not reported because the application cannot change them; empty when <c>schemalint.include_package_entities</c> is on.
        /// Members the application's own types inherit from a package's are not reported either, and not listed here.
        /// </summary>
        public IReadOnlyList<PackageEntityTypes> SkippedPackageEntityTypes { get; }

        /// <summary>
        /// "Skipped 5 entity types owned by packages (Microsoft.Extensions.Identity.Stores: IdentityRole, ...); set
        /// schemalint.include_package_entities = true to review them.", or null when none was skipped.
        /// </summary>
        public string? SkippedPackageEntityTypesSentence => PackageEntityTypes.Sentence(SkippedPackageEntityTypes);

        /// <summary>Findings at <paramref name="minimum"/> or above (for example everything that fails a build).</summary>
        public IReadOnlyList<Finding> FindingsAtOrAbove(Severity minimum) => Findings.Where(f => f.Severity >= minimum).ToList();
    }
}
