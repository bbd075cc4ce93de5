using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.EntityFrameworkCore.Sources;
using EfOperation = Microsoft.EntityFrameworkCore.Migrations.Operations.MigrationOperation;

namespace SchemaLint.EntityFrameworkCore.Migrations
{
    /// <summary>
    /// Reads a context's migrations the way EF Core's migrator finds them: <see cref="IMigrationsAssembly"/> lists them by id,
    /// creates each for the active provider, and its <see cref="Migration.UpOperations"/> are the operations the migration
    /// rules judge. No database is touched. Also asks whether the model has changes no migration captures (SL7007).
    /// </summary>
    public static class CompiledMigrationReader
    {
        /// <summary>The context's migration history; null when it has no migrations (or is not relational).</summary>
        public static MigrationHistory? Read(DbContext context, ICollection<string> notes)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            IMigrationsAssembly assembly;
            try
            {
                assembly = context.GetService<IMigrationsAssembly>();
            }
            catch (InvalidOperationException)
            {
                return null;
            }

            IReadOnlyDictionary<string, TypeInfo> migrations;
            try
            {
                migrations = assembly.Migrations;
            }
            catch (Exception e) when (!IsFatal(e))
            {
                // Types of the migrations assembly that do not load: the model audit goes on without the migration rules.
                notes.Add($"The migrations could not be listed ({e.GetBaseException().Message}); the migration rules did not run.");
                return null;
            }

            if (migrations.Count == 0) return null;
            var history = new MigrationHistory();
            var provider = context.Database.ProviderName ?? string.Empty;
            foreach (var pair in migrations)
                history.Add(ReadMigration(pair.Key, pair.Value.AsType(), () => assembly.CreateMigration(pair.Value, provider), notes));

            ReadPendingChanges(context, assembly, history, notes);
            return history;
        }

        /// <summary>One migration: its Up operations, where its Up is written (through the PDB), and its review marks.</summary>
        internal static MigrationModel ReadMigration(string id, Type type, Func<Migration> create, ICollection<string> notes)
        {
            // Nested types as C# names them (Outer.Inner), as the analyzers name them.
            var model = new MigrationModel(id, (type.FullName ?? type.Name).Replace('+', '.'));
            try
            {
                foreach (var operation in create().UpOperations) model.Operations.Add(Map(operation));
            }
            catch (Exception e) when (!IsFatal(e))
            {
                // Up threw (it may read configuration or a file): what it would do is unknown, and the rules that need "no step does X" stay silent.
                model.IsFullyRead = false;
                notes.Add($"Migration {id} could not be read ({e.GetBaseException().Message}); the migration rules judge it as unknown.");
            }

            var up = type.GetMethod("Up", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly);
            model.Location = SourceLocator.ForMember(up) ?? SourceLocator.ForType(type);
            ReadReviewMarks(model);
            return model;
        }

        /// <summary>The same comment the analyzers read, from the migration's source file when the PDB names one that exists.</summary>
        private static void ReadReviewMarks(MigrationModel model)
        {
            var path = model.Location?.FilePath;
            if (path is null || !File.Exists(path)) return;
            foreach (var id in ReviewMarks.Parse(File.ReadAllText(path))) model.ReviewedRules.Add(id);
        }

        /// <summary>
        /// What <c>dotnet ef migrations has-pending-model-changes</c> answers, through the runtime's own services: the differ
        /// compares the last migration's snapshot with the model the context builds. The design package is not needed.
        /// </summary>
        private static void ReadPendingChanges(DbContext context, IMigrationsAssembly assembly, MigrationHistory history, ICollection<string> notes)
        {
            try
            {
                var differ = context.GetService<IMigrationsModelDiffer>();
                var target = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
                var snapshot = assembly.ModelSnapshot?.Model;
                if (snapshot is IMutableModel mutable) snapshot = mutable.FinalizeModel();
                if (snapshot is not null) snapshot = context.GetService<IModelRuntimeInitializer>().Initialize(snapshot, designTime: true, validationLogger: null);
                var differences = differ.GetDifferences(snapshot?.GetRelationalModel(), target);
                history.HasPendingModelChanges = differences.Count > 0;
                history.PendingModelChanges = differences.Select(Describe).ToList();
            }
            catch (Exception e) when (!IsFatal(e))
            {
                // The snapshot is the application's code: whatever it throws leaves SL7007 unknown, not the audit failed.
                notes.Add($"Pending model changes could not be checked ({e.GetBaseException().Message}).");
            }
        }

        private static bool IsFatal(Exception e) => e is OutOfMemoryException || e is StackOverflowException || e is AccessViolationException;

        private static string Describe(EfOperation operation)
        {
            var kind = operation.GetType().Name;
            if (kind.EndsWith("Operation", StringComparison.Ordinal)) kind = kind.Substring(0, kind.Length - "Operation".Length);
            return operation switch
            {
                ColumnOperation column => $"{kind} {column.Table}.{column.Name}",
                TableOperation table => $"{kind} {table.Name}",
                DropTableOperation drop => $"{kind} {drop.Name}",
                CreateIndexOperation index => $"{kind} {index.Name} on {index.Table}",
                DropIndexOperation index => $"{kind} {index.Name}",
                DropColumnOperation drop => $"{kind} {drop.Table}.{drop.Name}",
                RenameColumnOperation rename => $"{kind} {rename.Table}.{rename.Name} to {rename.NewName}",
                RenameTableOperation rename => $"{kind} {rename.Name} to {rename.NewName}",
                AddForeignKeyOperation key => $"{kind} {key.Name}",
                DropForeignKeyOperation key => $"{kind} {key.Name}",
                _ => kind,
            };
        }

        internal static Core.Model.Migrations.MigrationOperation Map(EfOperation operation)
        {
            switch (operation)
            {
                case CreateTableOperation create:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.CreateTable)
                    {
                        Table = create.Name, Schema = create.Schema, TableColumns = create.Columns.Select(c => Column(c)).ToList(),
                    };
                case DropTableOperation drop:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.DropTable) { Table = drop.Name, Schema = drop.Schema };
                case RenameTableOperation rename:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.RenameTable) { Table = rename.Name, Schema = rename.Schema, NewName = rename.NewName };
                case AddColumnOperation add:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AddColumn) { Table = add.Table, Schema = add.Schema, Name = add.Name, Column = Column(add) };
                case DropColumnOperation drop:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.DropColumn) { Table = drop.Table, Schema = drop.Schema, Name = drop.Name };
                case RenameColumnOperation rename:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.RenameColumn) { Table = rename.Table, Schema = rename.Schema, Name = rename.Name, NewName = rename.NewName };
                case AlterColumnOperation alter:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AlterColumn)
                    {
                        Table = alter.Table, Schema = alter.Schema, Name = alter.Name, Column = Column(alter), OldColumn = Column(alter.OldColumn, alter.Name),
                    };
                case CreateIndexOperation index:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.CreateIndex)
                    {
                        Table = index.Table, Schema = index.Schema, Name = index.Name, Columns = index.Columns, IsUnique = index.IsUnique, Filter = index.Filter,
                        IsConcurrent = index["Npgsql:CreatedConcurrently"] is true || index["SqlServer:Online"] is true,
                    };
                case DropIndexOperation drop:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.DropIndex) { Table = drop.Table, Schema = drop.Schema, Name = drop.Name };
                case AddForeignKeyOperation key:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AddForeignKey)
                    {
                        Table = key.Table, Schema = key.Schema, Name = key.Name, Columns = key.Columns, PrincipalTable = key.PrincipalTable,
                    };
                case AddCheckConstraintOperation check:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AddCheckConstraint) { Table = check.Table, Schema = check.Schema, Name = check.Name };
                case AddUniqueConstraintOperation unique:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AddUniqueConstraint) { Table = unique.Table, Schema = unique.Schema, Name = unique.Name, Columns = unique.Columns };
                case AddPrimaryKeyOperation key:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.AddPrimaryKey) { Table = key.Table, Schema = key.Schema, Name = key.Name, Columns = key.Columns };
                case SqlOperation sql:
                    return new Core.Model.Migrations.MigrationOperation(MigrationOperationKind.Sql) { Sql = sql.Sql };
                default:
                    return new Core.Model.Migrations.MigrationOperation(Kind(operation));
            }
        }

        private static MigrationOperationKind Kind(EfOperation operation) => operation switch
        {
            RenameIndexOperation => MigrationOperationKind.RenameIndex,
            DropForeignKeyOperation => MigrationOperationKind.DropForeignKey,
            DropCheckConstraintOperation => MigrationOperationKind.DropCheckConstraint,
            DropUniqueConstraintOperation => MigrationOperationKind.DropUniqueConstraint,
            DropPrimaryKeyOperation => MigrationOperationKind.DropPrimaryKey,
            _ => MigrationOperationKind.Other,
        };

        private static ColumnDefinition Column(ColumnOperation column, string? name = null)
        {
            var definition = new ColumnDefinition
            {
                Name = name ?? (column as AddColumnOperation)?.Name ?? (column as AlterColumnOperation)?.Name,
                ClrType = ClrName(column.ClrType),
                StoreType = column.ColumnType,
                IsNullable = column.IsNullable,
                MaxLength = column.MaxLength,
                Precision = column.Precision,
                Scale = column.Scale,
                HasDefault = column.DefaultValue is not null || column.DefaultValueSql is not null || column.ComputedColumnSql is not null,
                IsPlaceholderDefault = column.DefaultValueSql is null && column.ComputedColumnSql is null && IsPlaceholder(column.DefaultValue),
                IsIdentity = IsIdentity(column),
            };
            return definition;
        }

        /// <summary>The CLR default of the value's type ("", 0, false, Guid.Empty, DateTime.MinValue): what EF Core scaffolds for a column that becomes required.</summary>
        private static bool IsPlaceholder(object? value)
        {
            if (value is null) return false;
            if (value is string text) return text.Length == 0;
            var type = value.GetType();
            return type.IsValueType && value.Equals(Activator.CreateInstance(type));
        }

        private static bool IsIdentity(ColumnOperation column)
        {
            var npgsql = column["Npgsql:ValueGenerationStrategy"];
            if (npgsql is not null && Convert.ToInt32(npgsql, System.Globalization.CultureInfo.InvariantCulture) != 0) return true;
            return column["SqlServer:Identity"] is not null || column["Sqlite:Autoincrement"] is true;
        }

        private static string? ClrName(Type? type)
        {
            if (type is null) return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsArray ? ClrName(type.GetElementType()) + "[]" : type.Name;
        }
    }
}
