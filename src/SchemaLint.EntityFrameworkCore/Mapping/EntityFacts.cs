using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>Entity-level facts: what the rows live in, and how an inheritance hierarchy is stored.</summary>
    internal static class EntityFacts
    {
        public static void ApplyMapping(EntityTypeModel entity, IEntityType entityType, bool isRelational)
        {
            if (!isRelational)
            {
                entity.Mapping = TableMappingKind.None;
                return;
            }

            // Owned types stored as JSON live in a column of their owner's table, not in rows of their own.
            if (entityType.IsMappedToJson())
            {
                entity.Mapping = TableMappingKind.Json;
                // The owner's table holds the JSON column, so table exclusions reach the owned type too.
                entity.TableName = entityType.GetTableName();
                entity.Schema = entityType.GetSchema();
                return;
            }

            var table = entityType.GetTableName();
            var view = entityType.GetViewName();
            var sqlQuery = entityType.GetSqlQuery();
            var function = entityType.GetFunctionName();

            // A DbSet property names a table by convention even for a type mapped to a view, a query or a function; only a
            // table configured in code competes with those. Mapped to both a table and a view (ToTable + ToView), an entity
            // is written to the table: judge the table.
            if (table is not null && (IsConfiguredInCode(entityType) || (view is null && sqlQuery is null && function is null)))
            {
                entity.Mapping = TableMappingKind.Table;
                entity.TableName = table;
                entity.Schema = entityType.GetSchema();
                return;
            }

            if (view is not null)
            {
                entity.Mapping = TableMappingKind.View;
                entity.TableName = view;
                entity.Schema = entityType.GetViewSchema();
                return;
            }

            if (sqlQuery is not null)
            {
                entity.Mapping = TableMappingKind.SqlQuery;
                return;
            }

            if (function is not null)
            {
                entity.Mapping = TableMappingKind.Function;
                entity.TableName = function;
                return;
            }

            // For example an abstract TPC base type, which has no table of its own.
            entity.Mapping = TableMappingKind.None;
        }

        private static bool IsConfiguredInCode(IEntityType entityType) =>
            entityType is IConventionEntityType convention
            && convention.GetTableNameConfigurationSource() is ConfigurationSource.Explicit or ConfigurationSource.DataAnnotation;

        public static Fact<InheritanceStrategy> InheritanceStrategyOf(IEntityType entityType)
        {
            if (entityType.BaseType is null && !entityType.GetDirectlyDerivedTypes().Any()) return InheritanceStrategy.None;
            switch (entityType.GetMappingStrategy())
            {
                case RelationalAnnotationNames.TphMappingStrategy: return InheritanceStrategy.Tph;
                case RelationalAnnotationNames.TptMappingStrategy: return InheritanceStrategy.Tpt;
                case RelationalAnnotationNames.TpcMappingStrategy: return InheritanceStrategy.Tpc;
            }

            // Without a strategy annotation, a discriminator is what makes a hierarchy share one table.
            return entityType.FindDiscriminatorProperty() is not null ? InheritanceStrategy.Tph : Fact<InheritanceStrategy>.Unknown;
        }
    }
}
