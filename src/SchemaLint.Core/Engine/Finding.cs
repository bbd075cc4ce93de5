using System;
using System.Collections.Generic;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Engine
{
    /// <summary>One thing a rule found: what every front end reports, in its own form.</summary>
    public sealed class Finding
    {
        private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

        public Finding(RuleDescriptor rule, Severity severity, string message, string? entityName, string? memberName, SourceLocation? location, IReadOnlyDictionary<string, string>? properties = null)
        {
            Rule = rule ?? throw new ArgumentNullException(nameof(rule));
            Severity = severity;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            EntityName = entityName;
            MemberName = memberName;
            Location = location;
            Properties = properties ?? NoProperties;
        }

        public RuleDescriptor Rule { get; }

        public string RuleId => Rule.Id;

        /// <summary>The effective severity, after options.</summary>
        public Severity Severity { get; }

        public string Message { get; }

        /// <summary>The entity type's full name, or null for findings about code rather than the model.</summary>
        public string? EntityName { get; }

        /// <summary>The property, navigation or index the finding is about, if any.</summary>
        public string? MemberName { get; }

        public SourceLocation? Location { get; }

        /// <summary>Facts a code fix needs (for example the suggested max length); keys are documented per rule.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; }

        public override string ToString() => $"{RuleId} {Severity.ToEditorConfigName()}: {Message}";
    }

    /// <summary>Keys of <see cref="Finding.Properties"/> that code fixes read.</summary>
    public static class FindingProperties
    {
        public const string SuggestedMaxLength = "SuggestedMaxLength";
        public const string MissingTimestamps = "MissingTimestamps";
        public const string TimestampKind = "TimestampKind";
        public const string ColumnKind = "ColumnKind";
        public const string PrincipalEntity = "PrincipalEntity";
        public const string Provider = "Provider";
        public const string LongTextThreshold = "LongTextThreshold";
        public const string RedundantWith = "RedundantWith";
        public const string IntendedProperty = "IntendedProperty";

        /// <summary>SL1005, SL1008: the relationship's foreign-key properties (comma-separated) as the model has them.</summary>
        public const string ForeignKey = "ForeignKey";

        /// <summary>SL1005, SL1008: the dependent's navigation to the principal, when it has one.</summary>
        public const string Navigation = "Navigation";

        /// <summary>Database-check rules (SL6xxx): the SQL that would mend the database.</summary>
        public const string FixSql = "FixSql";

        /// <summary>Database-check rules (SL6xxx): the schema-qualified table the finding is about.</summary>
        public const string Table = "Table";

        /// <summary>Database-check rules (SL6xxx): the column (or comma-separated columns) the finding is about; SL4001: the column to constrain.</summary>
        public const string Column = "Column";

        /// <summary>Migration rules (SL7xxx): the id of the migration the finding is about.</summary>
        public const string Migration = "Migration";
    }
}
