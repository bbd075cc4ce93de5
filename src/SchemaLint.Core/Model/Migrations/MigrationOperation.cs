using System;
using System.Collections.Generic;

namespace SchemaLint.Core.Model.Migrations
{
    /// <summary>The operations the migration rules tell apart; everything else is <see cref="Other"/>.</summary>
    public enum MigrationOperationKind
    {
        Other,
        CreateTable,
        DropTable,
        RenameTable,
        AddColumn,
        DropColumn,
        RenameColumn,
        AlterColumn,
        CreateIndex,
        DropIndex,
        RenameIndex,
        AddForeignKey,
        DropForeignKey,
        AddCheckConstraint,
        DropCheckConstraint,
        AddUniqueConstraint,
        DropUniqueConstraint,
        AddPrimaryKey,
        DropPrimaryKey,
        Sql,
    }

    /// <summary>
    /// One operation of a migration's <c>Up</c>, as EF Core's <c>MigrationOperation</c> states it. A null member is a fact the
    /// front end could not establish (an argument that is not a constant), never a default.
    /// </summary>
    public sealed class MigrationOperation
    {
        public MigrationOperation(MigrationOperationKind kind)
        {
            Kind = kind;
        }

        public MigrationOperationKind Kind { get; }

        public string? Table { get; set; }

        public string? Schema { get; set; }

        /// <summary>The column, index or constraint the operation names (for a rename, the old name).</summary>
        public string? Name { get; set; }

        /// <summary>For renames: the new name (a rename of a table: the new table name).</summary>
        public string? NewName { get; set; }

        /// <summary>Index, key and foreign-key columns.</summary>
        public IReadOnlyList<string> Columns { get; set; } = Array.Empty<string>();

        /// <summary>AddColumn and AlterColumn: the column as it will be.</summary>
        public ColumnDefinition? Column { get; set; }

        /// <summary>AlterColumn: the column as it was (<c>oldType</c>, <c>oldNullable</c>, ...).</summary>
        public ColumnDefinition? OldColumn { get; set; }

        /// <summary>CreateTable: its columns.</summary>
        public IReadOnlyList<ColumnDefinition> TableColumns { get; set; } = Array.Empty<ColumnDefinition>();

        /// <summary>CreateIndex: unique or not.</summary>
        public bool? IsUnique { get; set; }

        /// <summary>
        /// CreateIndex: created without blocking writes (PostgreSQL: Npgsql's <c>Npgsql:CreatedConcurrently</c> annotation,
        /// <c>CREATE INDEX CONCURRENTLY</c>; SQL Server: <c>SqlServer:Online</c>, <c>ONLINE = ON</c>). Null when unknown.
        /// </summary>
        public bool? IsConcurrent { get; set; }

        /// <summary>CreateIndex: the partial-index filter, if any.</summary>
        public string? Filter { get; set; }

        /// <summary>AddForeignKey: the referenced table.</summary>
        public string? PrincipalTable { get; set; }

        /// <summary>Sql: the statement text, or null when it is not a constant.</summary>
        public string? Sql { get; set; }

        /// <summary>Where the operation is written (the analyzers); the audit knows none.</summary>
        public SourceLocation? Location { get; set; }

        public override string ToString() => $"{Kind} {Table}{(Name is null ? string.Empty : "." + Name)}";
    }

    /// <summary>A column as <c>AddColumn</c>, <c>AlterColumn</c> or <c>CreateTable</c> state it.</summary>
    public sealed class ColumnDefinition
    {
        public string? Name { get; set; }

        /// <summary>The CLR type's name without namespace (<c>String</c>, <c>Int32</c>, <c>Decimal</c>), nullable wrapper removed.</summary>
        public string? ClrType { get; set; }

        /// <summary>The provider's store type as the migration states it (<c>character varying(50)</c>, <c>nvarchar(max)</c>).</summary>
        public string? StoreType { get; set; }

        public bool? IsNullable { get; set; }

        public int? MaxLength { get; set; }

        public int? Precision { get; set; }

        public int? Scale { get; set; }

        /// <summary>Has a default value, a default SQL expression or a computed-column expression; null when unknown.</summary>
        public bool? HasDefault { get; set; }

        /// <summary>
        /// The default is a constant equal to the CLR type's default ("", 0, false): what EF Core scaffolds for a column that
        /// becomes required, rather than a value anyone chose.
        /// </summary>
        public bool IsPlaceholderDefault { get; set; }

        /// <summary>Filled by the database on insert (identity, serial): a NOT NULL column that needs no default.</summary>
        public bool IsIdentity { get; set; }
    }
}
