using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model.Database
{
    public sealed class DatabaseTable
    {
        public DatabaseTable(string schema, string name)
        {
            if (string.IsNullOrEmpty(schema)) throw new ArgumentException("A table needs a schema.", nameof(schema));
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A table needs a name.", nameof(name));
            Schema = schema;
            Name = name;
        }

        public string Schema { get; }

        public string Name { get; }

        public string QualifiedName => Schema + "." + Name;

        /// <summary>A view or materialized view: it has columns, but no constraints to compare.</summary>
        public bool IsView { get; set; }

        /// <summary>Columns in their ordinal order.</summary>
        public List<DatabaseColumn> Columns { get; } = new List<DatabaseColumn>();

        public DatabaseKeyConstraint? PrimaryKey { get; set; }

        public List<DatabaseKeyConstraint> UniqueConstraints { get; } = new List<DatabaseKeyConstraint>();

        public List<DatabaseForeignKey> ForeignKeys { get; } = new List<DatabaseForeignKey>();

        public List<DatabaseCheckConstraint> CheckConstraints { get; } = new List<DatabaseCheckConstraint>();

        /// <summary>Every index, including those behind primary keys and unique constraints.</summary>
        public List<DatabaseIndex> Indexes { get; } = new List<DatabaseIndex>();

        /// <summary>The schema the table was added to; it knows how the server cuts long names.</summary>
        internal DatabaseSchema? Owner { get; set; }

        /// <summary>Finds a column by exact name, as the server would store it.</summary>
        public DatabaseColumn? FindColumn(string name)
        {
            var stored = Owner?.StoredName(name) ?? name;
            return Columns.FirstOrDefault(c => string.Equals(c.Name, stored, StringComparison.Ordinal));
        }

        public override string ToString() => QualifiedName;
    }

    public sealed class DatabaseColumn
    {
        public DatabaseColumn(string name, string dataType, bool isNullable)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A column needs a name.", nameof(name));
            Name = name;
            DataType = dataType ?? string.Empty;
            IsNullable = isNullable;
        }

        public string Name { get; }

        /// <summary>The type as the database spells it, with its modifiers: <c>character varying(100)</c>, <c>numeric(18,2)</c>.</summary>
        public string DataType { get; }

        public bool IsNullable { get; }

        public int? CharacterMaximumLength { get; set; }

        public int? NumericPrecision { get; set; }

        public int? NumericScale { get; set; }

        /// <summary>The default expression as the database prints it; null when the column has none.</summary>
        public string? DefaultSql { get; set; }

        /// <summary>An identity column (<c>GENERATED ... AS IDENTITY</c>): the database fills it without a default.</summary>
        public bool IsIdentity { get; set; }

        /// <summary>A generated (computed) column.</summary>
        public bool IsGenerated { get; set; }

        public override string ToString() => $"{Name} {DataType}{(IsNullable ? string.Empty : " NOT NULL")}";
    }
}
