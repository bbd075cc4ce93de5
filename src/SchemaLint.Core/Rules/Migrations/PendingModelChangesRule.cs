using System.Linq;

namespace SchemaLint.Core.Rules.Migrations
{
    /// <summary>SL7007: the model has changes no migration captures, so databases migrated to the last migration lack them.</summary>
    public sealed class PendingModelChangesRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.PendingModelChanges,
            "Model changes no migration captures",
            "The model of {0} differs from the snapshot of the {1} ({3}): a database migrated to the latest migration lacks {2}, and Migrate() in EF Core 9+ throws for PendingModelChangesWarning. Run dotnet ef migrations add to capture them",
            RuleCategories.Migrations,
            Severity.Warning,
            "The model EF Core builds differs from the model snapshot of the last migration, as dotnet ef migrations has-pending-model-changes reports; found without the design package in the application.",
            requiresMigrations: true,
            requiresBuiltModel: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            var history = context.Model.Migrations!;
            if (history.HasPendingModelChanges != true) return;
            var changes = history.PendingModelChanges;
            var listed = changes.Count == 0 ? "changes EF Core did not list" : string.Join(", ", changes.Take(5)) + (changes.Count > 5 ? $" and {changes.Count - 5} more" : string.Empty);
            var last = history.Migrations.LastOrDefault();
            var lastName = last is null ? "no migration yet" : "last migration, " + last.Id;
            var properties = new System.Collections.Generic.Dictionary<string, string>();
            if (last is not null) properties[Engine.FindingProperties.Migration] = last.Id;
            context.Report(null, null, null, properties, null, context.Model.ContextName ?? "the context", lastName, changes.Count == 1 ? "this change" : "these changes", listed);
        }
    }
}
