using System.Collections.Generic;

namespace SchemaLint.Core.Model.Database
{
    /// <summary>
    /// Writes the SQL that creates one model element as the application's own migrations would: the same types, identity,
    /// defaults and names (the model's constraint and index names included). A front end that can ask its ORM attaches one to
    /// <see cref="DatabaseSchema.Mending"/>; the database rules write their own SQL wherever it answers null.
    /// </summary>
    /// <remarks>
    /// Elements are found by the model's names (compared as the server stores them). Tables in the default schema are written
    /// qualified with it, so the SQL mends the table the check read whatever the search path. Statements for a live table come
    /// in the form that does not block writes where PostgreSQL has one: indexes <c>CONCURRENTLY</c>, foreign keys and checks
    /// <c>NOT VALID</c> and then validated. SQLite cannot add a constraint to a table or alter a column: there the statements
    /// rebuild the table, as EF Core's SQLite migrations do.
    /// </remarks>
    public interface IDatabaseMendingSql
    {
        /// <summary>The table with its keys, constraints and indexes; null when the model has no such table.</summary>
        string? CreateTable(string schema, string table);

        string? AddColumn(string schema, string table, string column);

        string? AddForeignKey(string schema, string table, IReadOnlyList<string> columns, string principalSchema, string principalTable);

        /// <summary>A primary key, or an alternate key (a unique constraint).</summary>
        string? AddKey(string schema, string table, IReadOnlyList<string> columns, bool primary);

        /// <summary>The model's index on exactly these columns (in any order); <paramref name="unique"/> null takes either kind.</summary>
        string? CreateIndex(string schema, string table, IReadOnlyList<string> columns, bool? unique);

        string? AddCheckConstraint(string schema, string table, string name);

        /// <summary>
        /// Gives an existing column the model's type, nullability and default where the database cannot alter a column in place
        /// (SQLite: the table is rebuilt, as EF Core's migration does); null where the database can, and the rule writes ALTER COLUMN.
        /// </summary>
        string? AlterColumn(string schema, string table, string column);
    }
}
