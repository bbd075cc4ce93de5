using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>What the application says about its migrations: where the history table is, and which migrations it defines.</summary>
    internal static class MigrationFacts
    {
        /// <summary>The migrations history table the context is configured with (EF Core's default: __EFMigrationsHistory in the default schema).</summary>
        public static (string? Schema, string Name) HistoryTable(DbContext context)
        {
            var relational = context.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault();
            return (relational?.MigrationsHistoryTableSchema, relational?.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName);
        }

        /// <summary>
        /// Migration ids in the application's migrations assembly; reading them opens no connection. Null when EF cannot say,
        /// or finds none (the migrations may live in an assembly the context was not told about).
        /// </summary>
        public static IReadOnlyList<string>? DefinedMigrations(DbContext context)
        {
            try
            {
                var migrations = context.Database.GetMigrations().ToList();
                return migrations.Count == 0 ? null : migrations;
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or TypeLoadException)
            {
                return null;
            }
        }
    }
}
