using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model.Database
{
    /// <summary>A primary key or unique constraint.</summary>
    public sealed class DatabaseKeyConstraint
    {
        public DatabaseKeyConstraint(string name, IEnumerable<string> columns, bool isPrimary)
        {
            Name = name ?? string.Empty;
            Columns = columns?.ToArray() ?? throw new ArgumentNullException(nameof(columns));
            IsPrimary = isPrimary;
        }

        public string Name { get; }

        /// <summary>Column names, in the constraint's order.</summary>
        public IReadOnlyList<string> Columns { get; }

        public bool IsPrimary { get; }
    }

    public sealed class DatabaseForeignKey
    {
        public DatabaseForeignKey(string name, IEnumerable<string> columns, string principalSchema, string principalTable, IEnumerable<string> principalColumns)
        {
            Name = name ?? string.Empty;
            Columns = columns?.ToArray() ?? throw new ArgumentNullException(nameof(columns));
            PrincipalSchema = principalSchema ?? throw new ArgumentNullException(nameof(principalSchema));
            PrincipalTable = principalTable ?? throw new ArgumentNullException(nameof(principalTable));
            PrincipalColumns = principalColumns?.ToArray() ?? throw new ArgumentNullException(nameof(principalColumns));
        }

        public string Name { get; }

        /// <summary>Dependent columns, in the constraint's order.</summary>
        public IReadOnlyList<string> Columns { get; }

        public string PrincipalSchema { get; }

        public string PrincipalTable { get; }

        public IReadOnlyList<string> PrincipalColumns { get; }

        /// <summary>The ON DELETE action as SQL spells it (<c>CASCADE</c>, <c>SET NULL</c>, <c>NO ACTION</c>, ...), when read.</summary>
        public string? OnDelete { get; set; }

        /// <summary>False for a constraint added NOT VALID and not yet validated: new rows are checked, old ones were not.</summary>
        public bool IsValidated { get; set; } = true;
    }

    public sealed class DatabaseCheckConstraint
    {
        public DatabaseCheckConstraint(string name, string expression)
        {
            Name = name ?? string.Empty;
            Expression = expression ?? string.Empty;
        }

        public string Name { get; }

        /// <summary>The condition as the database prints it.</summary>
        public string Expression { get; }
    }

    public sealed class DatabaseIndex
    {
        public DatabaseIndex(string name, IEnumerable<string?> columns, bool isUnique)
        {
            Name = name ?? string.Empty;
            Columns = columns?.ToArray() ?? throw new ArgumentNullException(nameof(columns));
            IsUnique = isUnique;
        }

        public string Name { get; }

        /// <summary>Key columns in index order (included, non-key columns are not listed); null where the key is an expression.</summary>
        public IReadOnlyList<string?> Columns { get; }

        public bool IsUnique { get; }

        public bool IsPrimaryKey { get; set; }

        /// <summary>A partial index's predicate as the database prints it; null for a full index.</summary>
        public string? Predicate { get; set; }

        /// <summary>Some key is an expression rather than a plain column.</summary>
        public bool HasExpressions => Columns.Any(c => c is null);

        /// <summary>The access method (<c>btree</c>, <c>hash</c>, <c>gin</c>, ...), when read.</summary>
        public string? Method { get; set; }

        /// <summary>False for an index the planner will not use (a failed <c>CREATE INDEX CONCURRENTLY</c>).</summary>
        public bool IsValid { get; set; } = true;

        public override string ToString() => $"{Name} ({string.Join(", ", Columns.Select(c => c ?? "<expression>"))}){(Predicate is null ? string.Empty : " WHERE " + Predicate)}";
    }
}
