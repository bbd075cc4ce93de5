using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Mending SQL written by the application's own EF Core services: the migrations model differ says what creating the model
    /// from nothing takes (the operations a first migration holds, with the model's names, types, identity and defaults), and
    /// the provider's migrations SQL generator writes the one operation a finding needs. Only the locking form is SchemaLint's
    /// own: indexes get the provider's CONCURRENTLY annotation, foreign keys and checks are added NOT VALID and then validated.
    /// </summary>
    internal sealed class EfMigrationsMendingSql : IDatabaseMendingSql
    {
        /// <summary>Npgsql's annotation for <c>IsCreatedConcurrently()</c> (this assembly does not reference Npgsql).</summary>
        private const string CreatedConcurrentlyAnnotation = "Npgsql:CreatedConcurrently";

        private const string ValueGenerationStrategyAnnotation = "Npgsql:ValueGenerationStrategy";

        private readonly IModel _model;
        private readonly IMigrationsSqlGenerator _generator;
        private readonly ISqlGenerationHelper _sql;
        private readonly DatabaseSchema _database;
        private readonly Lazy<IReadOnlyList<MigrationOperation>> _creation;

        /// <summary>SQLite cannot add a constraint to a table or alter a column: EF Core's SQLite generator rebuilds the table instead.</summary>
        private bool RebuildsTables => _database.Provider == DatabaseProvider.Sqlite;

        private EfMigrationsMendingSql(IModel model, IMigrationsModelDiffer differ, IMigrationsSqlGenerator generator, ISqlGenerationHelper sql, DatabaseSchema database)
        {
            _model = model;
            _generator = generator;
            _sql = sql;
            _database = database;

            // Diffing the whole model costs time in a large model: only when a finding asks.
            _creation = new Lazy<IReadOnlyList<MigrationOperation>>(() => CreationOperations(differ, model));
        }

        /// <summary>Empty when the provider's differ cannot handle the model: the rules then write their own SQL.</summary>
        private IReadOnlyList<MigrationOperation> CreationOperations(IMigrationsModelDiffer differ, IModel model)
        {
            try
            {
                var operations = differ.GetDifferences(null, model.GetRelationalModel());

                // SQLite has one schema per file: EF Core writes no schema there, and its table rebuild looks tables up without one.
                return RebuildsTables ? operations : Qualified(operations);
            }
            catch (Exception e) when (IsUnsupported(e))
            {
                return Array.Empty<MigrationOperation>();
            }
        }

        private static bool IsUnsupported(Exception error) => error is InvalidOperationException or NotSupportedException or NotImplementedException or ArgumentException;

        /// <summary>Null when the context's provider has no migrations services (then the rules write their own SQL).</summary>
        public static EfMigrationsMendingSql? TryCreate(DbContext context, DatabaseSchema database)
        {
            try
            {
                return new EfMigrationsMendingSql(context.GetService<IDesignTimeModel>().Model, context.GetService<IMigrationsModelDiffer>(),
                    context.GetService<IMigrationsSqlGenerator>(), context.GetService<ISqlGenerationHelper>(), database);
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        public string? CreateTable(string schema, string table)
        {
            var create = FindTable(schema, table);
            if (create is null) return null;

            // A new table is empty: its indexes need no CONCURRENTLY, and they go with it so that the table comes back whole.
            var operations = new List<MigrationOperation>();
            if (!SameSchema(schema, _database.DefaultSchema)) operations.AddRange(Creation<EnsureSchemaOperation>().Where(o => SameSchema(o.Name, schema)));
            operations.Add(create);
            operations.AddRange(Creation<CreateIndexOperation>().Where(i => SameSchema(i.Schema, schema) && Same(i.Table, table)));
            return Generate(operations);
        }

        public string? AddColumn(string schema, string table, string column)
        {
            var inline = FindTable(schema, table)?.Columns.FirstOrDefault(c => Same(c.Name, column));
            if (inline is null) return null;
            var add = Copy(inline, new AddColumnOperation());
            add.Schema = inline.Schema;
            add.Table = inline.Table;
            add.Name = inline.Name;
            add.ClrType = inline.ClrType;

            // EF Core's differ gives a required column added to an existing table its CLR type's default, so existing rows get one.
            if (!add.IsNullable && add.DefaultValue is null && add.DefaultValueSql is null && add.ComputedColumnSql is null && add[ValueGenerationStrategyAnnotation] is null)
                add.DefaultValue = DefaultValueOf(add.ClrType);
            return Generate(new MigrationOperation[] { add });
        }

        public string? AddForeignKey(string schema, string table, IReadOnlyList<string> columns, string principalSchema, string principalTable)
        {
            var foreignKey = FindTable(schema, table)?.ForeignKeys.FirstOrDefault(f =>
                SameColumns(f.Columns, columns) && SameSchema(f.PrincipalSchema, principalSchema) && Same(f.PrincipalTable, principalTable));
            if (foreignKey is null) return null;
            return RebuildsTables ? Rebuild(foreignKey, "add a foreign key to") : NotValidThenValidate(foreignKey, foreignKey.Schema, foreignKey.Table, foreignKey.Name);
        }

        public string? AddKey(string schema, string table, IReadOnlyList<string> columns, bool primary)
        {
            var create = FindTable(schema, table);
            MigrationOperation? key = primary
                ? create?.PrimaryKey is { } primaryKey && SameColumns(primaryKey.Columns, columns) ? primaryKey : null
                : create?.UniqueConstraints.FirstOrDefault(u => SameColumns(u.Columns, columns));
            if (key is null) return null;
            return RebuildsTables ? Rebuild(key, primary ? "add a primary key to" : "add a unique constraint to") : Generate(new[] { key });
        }

        public string? CreateIndex(string schema, string table, IReadOnlyList<string> columns, bool? unique)
        {
            var index = Creation<CreateIndexOperation>().FirstOrDefault(i =>
                SameSchema(i.Schema, schema) && Same(i.Table, table) && SameColumns(i.Columns, columns) && (unique is null || i.IsUnique == unique));
            if (index is null) return null;
            var concurrently = Copy(index, new CreateIndexOperation
            {
                Name = index.Name,
                Schema = index.Schema,
                Table = index.Table,
                Columns = index.Columns,
                IsUnique = index.IsUnique,
                IsDescending = index.IsDescending,
                Filter = index.Filter,
            });
            if (!RebuildsTables) concurrently[CreatedConcurrentlyAnnotation] = true;
            return Generate(new MigrationOperation[] { concurrently });
        }

        public string? AddCheckConstraint(string schema, string table, string name)
        {
            var check = FindTable(schema, table)?.CheckConstraints.FirstOrDefault(c => Same(c.Name, name));
            if (check is null) return null;
            return RebuildsTables ? Rebuild(check, "add a check constraint to") : NotValidThenValidate(check, check.Schema, check.Table, check.Name);
        }

        /// <summary>Null where the database alters a column in place (the rules then write ALTER COLUMN themselves).</summary>
        public string? AlterColumn(string schema, string table, string column)
        {
            if (!RebuildsTables) return null;
            var inline = FindTable(schema, table)?.Columns.FirstOrDefault(c => Same(c.Name, column));
            if (inline is null) return null;
            var alter = Copy(inline, new AlterColumnOperation { Schema = inline.Schema, Table = inline.Table, Name = inline.Name, ClrType = inline.ClrType });
            alter.OldColumn = Copy(inline, new AddColumnOperation { Schema = inline.Schema, Table = inline.Table, Name = inline.Name, ClrType = inline.ClrType });
            return Rebuild(alter, "alter a column of");
        }

        /// <summary>
        /// SQLite's ALTER TABLE can only rename and add columns. EF Core's SQLite generator, given the operation and the model,
        /// writes what its migration would run instead: the table created anew from the model, the rows copied, the old table
        /// dropped and the new one renamed, its indexes recreated. The SQL says so first, in a comment.
        /// </summary>
        private string? Rebuild(MigrationOperation operation, string what)
        {
            var sql = Generate(new[] { operation });
            return sql is null ? null : $"/* SQLite cannot {what} an existing table; EF Core's migration rebuilds the table: */ {sql}";
        }

        /// <summary>
        /// The generator's ADD CONSTRAINT with NOT VALID before its terminator, then VALIDATE: adding takes only a brief lock,
        /// and validating scans the existing rows without blocking writes.
        /// </summary>
        private string? NotValidThenValidate(MigrationOperation addConstraint, string? schema, string table, string name)
        {
            var add = Generate(new[] { addConstraint });
            if (add is null) return null;
            var terminator = _sql.StatementTerminator;
            if (add.EndsWith(terminator, StringComparison.Ordinal)) add = add.Substring(0, add.Length - terminator.Length);
            return add + " NOT VALID" + terminator + " ALTER TABLE " + _sql.DelimitIdentifier(table, schema) + " VALIDATE CONSTRAINT " + _sql.DelimitIdentifier(name) + terminator;
        }

        /// <summary>Null when the provider's generator does not support an operation: the rules then write their own SQL.</summary>
        private string? Generate(IReadOnlyList<MigrationOperation> operations)
        {
            try
            {
                return string.Join(" ", _generator.Generate(operations, _model).Select(c => OneLine(c.CommandText)));
            }
            catch (Exception e) when (IsUnsupported(e))
            {
                return null;
            }
        }

        private CreateTableOperation? FindTable(string schema, string table) =>
            Creation<CreateTableOperation>().FirstOrDefault(t => SameSchema(t.Schema, schema) && Same(t.Name, table));

        private IEnumerable<T> Creation<T>() where T : MigrationOperation => _creation.Value.OfType<T>();

        /// <summary>Names compared as the server stores them, so a model name longer than it keeps still finds its element.</summary>
        private bool Same(string? modelName, string name) =>
            string.Equals(_database.StoredName(modelName ?? _database.DefaultSchema), _database.StoredName(name), StringComparison.Ordinal);

        /// <summary>Schemas compared as the database places tables (on SQLite every table is in the file's one schema).</summary>
        private bool SameSchema(string? modelSchema, string schema) =>
            string.Equals(_database.StoredName(_database.SchemaOf(modelSchema)), _database.StoredName(_database.SchemaOf(schema)), StringComparison.Ordinal);

        private bool SameColumns(IReadOnlyList<string> modelColumns, IReadOnlyList<string> columns) =>
            modelColumns.Count == columns.Count
            && new HashSet<string>(modelColumns.Select(_database.StoredName), StringComparer.Ordinal).SetEquals(columns.Select(_database.StoredName));

        /// <summary>
        /// Tables in the default schema get it written out: the SQL then mends the table the check read, whatever the search
        /// path of the session that runs it (EF Core leaves them unqualified).
        /// </summary>
        private IReadOnlyList<MigrationOperation> Qualified(IReadOnlyList<MigrationOperation> operations)
        {
            var schema = _database.DefaultSchema;
            foreach (var operation in operations)
            {
                switch (operation)
                {
                    case CreateTableOperation table:
                        table.Schema ??= schema;
                        foreach (var column in table.Columns) column.Schema ??= schema;
                        if (table.PrimaryKey is not null) table.PrimaryKey.Schema ??= schema;
                        foreach (var unique in table.UniqueConstraints) unique.Schema ??= schema;
                        foreach (var check in table.CheckConstraints) check.Schema ??= schema;
                        foreach (var foreignKey in table.ForeignKeys)
                        {
                            foreignKey.Schema ??= schema;
                            foreignKey.PrincipalSchema ??= schema;
                        }

                        break;
                    case CreateIndexOperation index:
                        index.Schema ??= schema;
                        break;
                }
            }

            return operations;
        }

        private static T Copy<T>(MigrationOperation from, T to) where T : MigrationOperation
        {
            to.AddAnnotations(from.GetAnnotations());
            if (from is ColumnOperation column && to is ColumnOperation copy)
            {
                copy.ColumnType = column.ColumnType;
                copy.IsUnicode = column.IsUnicode;
                copy.IsFixedLength = column.IsFixedLength;
                copy.MaxLength = column.MaxLength;
                copy.Precision = column.Precision;
                copy.Scale = column.Scale;
                copy.IsRowVersion = column.IsRowVersion;
                copy.IsNullable = column.IsNullable;
                copy.DefaultValue = column.DefaultValue;
                copy.DefaultValueSql = column.DefaultValueSql;
                copy.ComputedColumnSql = column.ComputedColumnSql;
                copy.IsStored = column.IsStored;
                copy.Comment = column.Comment;
                copy.Collation = column.Collation;
            }

            return to;
        }

        /// <summary>What EF Core's differ gives a required column it adds: empty for strings and arrays, the CLR default otherwise.</summary>
        private static object? DefaultValueOf(Type type)
        {
            if (type == typeof(string)) return string.Empty;
            if (type.IsArray) return Array.CreateInstance(type.GetElementType()!, 0);
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            return underlying.IsValueType ? Activator.CreateInstance(underlying) : null;
        }

        /// <summary>
        /// The generator's SQL on one line, for a finding's message: line breaks and indentation become one space (none just
        /// inside parentheses); quoted identifiers and string literals are copied as they are.
        /// </summary>
        internal static string OneLine(string sql)
        {
            var result = new StringBuilder(sql.Length);
            char? quote = null;
            for (var i = 0; i < sql.Length; i++)
            {
                var c = sql[i];
                if (quote is not null)
                {
                    result.Append(c);
                    if (c == quote) quote = null;
                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                    result.Append(c);
                    continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    result.Append(c);
                    continue;
                }

                var end = i;
                while (end < sql.Length && char.IsWhiteSpace(sql[end])) end++;
                var run = sql.Substring(i, end - i);
                i = end - 1;
                if (!run.Contains('\n'))
                {
                    result.Append(run);
                    continue;
                }

                var afterOpening = result.Length > 0 && result[result.Length - 1] == '(';
                var beforeClosing = end < sql.Length && sql[end] == ')';
                if (result.Length > 0 && end < sql.Length && !afterOpening && !beforeClosing) result.Append(' ');
            }

            return result.ToString();
        }
    }
}
