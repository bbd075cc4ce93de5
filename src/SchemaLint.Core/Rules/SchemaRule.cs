using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Core.Rules
{
    /// <summary>One rule. A rule reads facts through <see cref="RuleContext"/> and reports; it never guesses an unknown fact.</summary>
    public abstract class SchemaRule
    {
        public abstract RuleDescriptor Descriptor { get; }

        public abstract void Analyze(RuleContext context);

        /// <summary>
        /// Whether <see cref="FactsReadOf"/> says what the rule reads of an entity type. False, the default for a whole-model
        /// rule: the rule cannot tell, and runs again on the whole model after every edit.
        /// </summary>
        internal virtual bool NamesFactsRead => false;

        /// <summary>
        /// What the rule reads of <paramref name="entity"/> when it judges the whole model, or, for an <see cref="EntityRule"/>,
        /// when it judges entity types beyond the entity type's neighbourhood: a value two versions of the entity type share
        /// exactly when the rule reads the same of both (<paramref name="index"/> answers for the model the entity type is in).
        /// After an edit the engine compares it for every entity type whose chain of types the edit changed; when every one is
        /// equal, a whole-model rule keeps its findings and an entity rule judges only the neighbourhoods the edit changed.
        /// </summary>
        internal virtual string FactsReadOf(ModelIndex index, EntityTypeModel entity) => string.Empty;
    }

    /// <summary>What a rule sees: the model, the options, the entities not excluded, and a way to report.</summary>
    public sealed class RuleContext
    {
        private readonly List<Finding> _findings;
        private readonly Severity _severity;
        private readonly bool _severityConfigured;
        private EntityTypeModel? _judging;
        private object? _runState;

        internal RuleContext(SchemaModel model, SchemaLintOptions options, RuleDescriptor rule, List<Finding> findings, ModelIndex index)
        {
            Model = model;
            Index = index;
            Options = options;
            Rule = rule;
            _findings = findings;
            _severityConfigured = options.TryGetConfiguredSeverity(rule.Id, out _severity);
            if (!_severityConfigured) _severity = rule.DefaultSeverity;
        }

        public SchemaModel Model { get; }

        /// <summary>The run's answers to questions every model rule asks (inherited members, keys, name words), shared by all rules.</summary>
        internal ModelIndex Index { get; }

        public SchemaLintOptions Options { get; }

        public RuleDescriptor Rule { get; }

        /// <summary>The provider the options force, or the one the model was built for.</summary>
        public DatabaseProvider Provider => Options.Provider ?? Model.Provider;

        /// <summary>Entity types the options do not exclude.</summary>
        public IEnumerable<EntityTypeModel> Entities => Index.EntitiesNotExcluded(Options);

        /// <summary>
        /// What the rule works out once per run and reads for every entity type it judges (an index of the model, say): made
        /// by <paramref name="create"/> on the first call of the run.
        /// </summary>
        internal T RunState<T>(Func<ModelIndex, T> create)
            where T : class => (T)(_runState ??= create(Index));

        /// <summary>This context, for an <see cref="EntityRule"/> judging <paramref name="entity"/>: reports about any other entity type are refused.</summary>
        internal RuleContext Judging(EntityTypeModel entity)
        {
            _judging = entity;
            return this;
        }

        public void Report(EntityTypeModel? entity, string? member, SourceLocation? location, params object?[] messageArguments) =>
            Report(entity, member, location, null, null, messageArguments);

        /// <param name="defaultSeverityOverride">A severity that replaces the default (never a configured one), e.g. an error on SQL Server.</param>
        public void Report(EntityTypeModel? entity, string? member, SourceLocation? location, IReadOnlyDictionary<string, string>? properties, Severity? defaultSeverityOverride, params object?[] messageArguments)
        {
            // The engine keeps an entity rule's findings by the entity type it judged; one about another could outlive its cause.
            if (_judging is not null && !ReferenceEquals(entity, _judging))
                throw new InvalidOperationException($"{Rule.Id} judges '{_judging.Name}' and may report only about it, not about '{entity?.Name ?? "the model"}'.");
            var severity = !_severityConfigured && defaultSeverityOverride.HasValue ? defaultSeverityOverride.Value : _severity;
            if (severity == Severity.None) return;

            // The one place that keeps what packages declare out of the findings (issue 14): rules judge the whole model.
            // Most entities have nothing from a package anywhere in their hierarchy: the index knows, without a pass over their members per finding.
            if (!Options.IncludePackageEntities && entity is not null && Index.MayBeAboutPackage(entity) && PackageOwnership.IsAboutPackage(Model, Rule, entity, member)) return;
            _findings.Add(new Finding(Rule, severity, Rule.FormatMessage(messageArguments), entity?.Name, member, location ?? entity?.Location, properties));
        }
    }
}
