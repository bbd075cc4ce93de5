using System;
using System.Collections.Generic;
using System.Globalization;

namespace SchemaLint.Core.Rules
{
    /// <summary>Severities as .editorconfig names them; front ends map them to their own (Roslyn: Info for Suggestion, Hidden for Silent).</summary>
    public enum Severity
    {
        None = 0,
        Silent = 1,
        Suggestion = 2,
        Warning = 3,
        Error = 4,
    }

    public static class SeverityNames
    {
        /// <summary>Parses the values .editorconfig accepts for <c>dotnet_diagnostic.ID.severity</c>.</summary>
        public static bool TryParse(string? text, out Severity severity)
        {
            switch (text?.Trim().ToLowerInvariant())
            {
                case "none": severity = Severity.None; return true;
                case "silent": case "hidden": case "refactoring": severity = Severity.Silent; return true;
                case "suggestion": case "info": severity = Severity.Suggestion; return true;
                case "warning": severity = Severity.Warning; return true;
                case "error": severity = Severity.Error; return true;
                default: severity = Severity.None; return false;
            }
        }

        public static string ToEditorConfigName(this Severity severity) => severity.ToString().ToLowerInvariant();
    }

    public static class RuleCategories
    {
        public const string Relationships = "Relationships";
        public const string Columns = "Columns";
        public const string Timestamps = "Timestamps";
        public const string Integrity = "Integrity";
        public const string Lifecycle = "Lifecycle";
        public const string Database = "Database";
        public const string Migrations = "Migrations";
    }

    /// <summary>What a rule is, independent of any front end: id, wording, category, default severity, help link.</summary>
    public sealed class RuleDescriptor
    {
        /// <summary>
        /// The project's address: the one place it is written in code (README.md, "Rules", says so). Every help link is
        /// <see cref="HelpLinkBase"/> plus the rule's anchor. The project is not published there yet, so until it is, the same
        /// sections are in rules.md of a clone; to point every link at a mirror, change this constant.
        /// </summary>
        public const string ProjectAddress = "https://github.com/schemalint/schemalint";

        /// <summary>The rule reference (rules.md) at <see cref="ProjectAddress"/>; help links add <c>#slNNNN</c>.</summary>
        public const string HelpLinkBase = ProjectAddress + "/blob/main/rules.md";

        public RuleDescriptor(string id, string title, string messageFormat, string category, Severity defaultSeverity, string description, bool requiresSource = false, bool requiresDatabase = false, bool requiresMigrations = false, bool requiresBuiltModel = false)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Title = title ?? throw new ArgumentNullException(nameof(title));
            MessageFormat = messageFormat ?? throw new ArgumentNullException(nameof(messageFormat));
            Category = category ?? throw new ArgumentNullException(nameof(category));
            DefaultSeverity = defaultSeverity;
            Description = description ?? string.Empty;
            RequiresSource = requiresSource;
            RequiresDatabase = requiresDatabase;
            RequiresMigrations = requiresMigrations;
            RequiresBuiltModel = requiresBuiltModel;
        }

        public string Id { get; }
        public string Title { get; }

        /// <summary>A composite format string; the rule supplies the arguments.</summary>
        public string MessageFormat { get; }

        public string Category { get; }
        public Severity DefaultSeverity { get; }
        public string Description { get; }

        /// <summary>Needs facts only source code shows; the runtime front end cannot run it.</summary>
        public bool RequiresSource { get; }

        /// <summary>Compares the model with a live database; runs only when the front end read one (<see cref="Model.SchemaModel.LiveDatabase"/>).</summary>
        public bool RequiresDatabase { get; }

        /// <summary>Reviews migrations; runs only when the front end read them (<see cref="Model.SchemaModel.Migrations"/>).</summary>
        public bool RequiresMigrations { get; }

        /// <summary>
        /// Needs the model EF Core itself builds (for example to compare it with the last migration's snapshot): the audit runs
        /// it, the analyzers cannot and have no descriptor for it.
        /// </summary>
        public bool RequiresBuiltModel { get; }

        /// <summary>
        /// Providers on which the rule reports at another severity than <see cref="DefaultSeverity"/> (SL1006: an error on SQL
        /// Server, which refuses the schema); a configured severity still wins. Empty for most rules.
        /// </summary>
        public IReadOnlyDictionary<Model.DatabaseProvider, Severity> SeverityByProvider { get; set; } = new Dictionary<Model.DatabaseProvider, Severity>();

        /// <summary>
        /// Reads what the front end learned from code outside model building (<see cref="Model.PropertyModel.IsAssignedByCode"/>,
        /// <see cref="Model.PropertyModel.IsUpdatedByCode"/>). When an edit changes only those facts, the analyzers run these
        /// rules again and keep the other rules' findings (<see cref="Engine.SchemaLintEngine.AnalyzeAgain"/>); a test checks
        /// that no other rule's findings depend on them.
        /// </summary>
        public bool ReadsCodeFacts { get; set; }

        /// <summary>The rule's section of rules.md, which carries an explicit <c>&lt;a id="slXXXX"&gt;</c> anchor.</summary>
        public string HelpLink => $"{HelpLinkBase}#{Id.ToLowerInvariant()}";

        public string FormatMessage(params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

        public override string ToString() => $"{Id}: {Title}";
    }
}
