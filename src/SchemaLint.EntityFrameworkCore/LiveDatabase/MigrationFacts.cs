using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// Facts only the database check needs from EF Core: each column's store type as the provider maps it, constant
    /// defaults as SQL literals, and the migrations the application defines. Fills only facts the model reader left unknown.
    /// </summary>
    internal static class StoreFactsReader
    {
        public static void Fill(SchemaModel model, DbContext context)
        {
            var designTimeModel = context.GetService<IDesignTimeModel>().Model;
            foreach (var entityType in designTimeModel.GetEntityTypes())
            {
                var entity = model.FindEntity(entityType.Name);
                if (entity is null) continue;
                var table = StoreObjectIdentifier.Create(entityType, StoreObjectType.Table);
                foreach (var property in entityType.GetDeclaredProperties())
                {
                    var target = entity.FindDeclaredProperty(property.Name);
                    if (target is null) continue;
                    if (!target.ProviderStoreType.IsKnown) target.ProviderStoreType = StoreType(property, table);
                    if (!target.DefaultValueLiteral.IsKnown) target.DefaultValueLiteral = DefaultLiteral(property, table);
                }
            }
        }

        /// <summary>The migrations history table the context is configured with (EF Core's default: __EFMigrationsHistory in the default schema).</summary>
        public static (string? Schema, string Name) HistoryTable(DbContext context)
        {
            var relational = context.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault();
            return (relational?.MigrationsHistoryTableSchema, relational?.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName);
        }

        /// <summary>Migration ids in the application's migrations assembly; reading them opens no connection. Null when EF cannot say.</summary>
        public static IReadOnlyList<string>? DefinedMigrations(DbContext context)
        {
            try
            {
                return context.Database.GetMigrations().ToList();
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or TypeLoadException)
            {
                return null;
            }
        }

        private static Fact<string?> StoreType(IProperty property, StoreObjectIdentifier? table)
        {
            try
            {
                return table is { } storeObject && property.GetColumnName(storeObject) is not null
                    ? property.GetColumnType(storeObject)
                    : property.GetColumnType();
            }
            catch (InvalidOperationException)
            {
                // No relational type mapping for this property (for example a non-relational provider): unknown, not a guess.
                return Fact<string?>.Unknown;
            }
        }

        private static Fact<string?> DefaultLiteral(IProperty property, StoreObjectIdentifier? table)
        {
            var value = table is { } storeObject ? property.GetDefaultValue(storeObject) : property.GetDefaultValue();
            if (value is null || value == DBNull.Value) return Fact<string?>.Known(null);
            var mapping = property.FindRelationalTypeMapping();
            if (mapping is null) return Fact<string?>.Unknown;
            try
            {
                return mapping.GenerateProviderValueSqlLiteral(value);
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or InvalidCastException)
            {
                return Fact<string?>.Unknown;
            }
        }
    }
}
