using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Sources;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>
    /// Maps EF Core's design-time model into the core schema model. It records what the model says and nothing more:
    /// a fact the model does not carry stays unknown, and an entity type the mapper cannot read is skipped with a note.
    /// </summary>
    internal sealed class ModelMapper
    {
        private readonly IModel _model;
        private readonly bool _isRelational;
        private readonly ICollection<string> _notes;
        private readonly ClrNullability _nullability = new ClrNullability();
        private readonly HashSet<IEntityType> _joinEntities;
        private readonly ApplicationAssemblies _assemblies;

        public ModelMapper(IModel model, bool isRelational, ICollection<string> notes, ApplicationAssemblies assemblies)
        {
            _assemblies = assemblies;
            _model = model;
            _isRelational = isRelational;
            _notes = notes;
            _joinEntities = new HashSet<IEntityType>(model.GetEntityTypes()
                .SelectMany(e => e.GetDeclaredSkipNavigations())
                .Select(s => s.JoinEntityType)
                .Where(j => j is not null));
        }

        public SchemaModel Map(string contextName, DatabaseProvider provider)
        {
            var schema = new SchemaModel(contextName, provider);

            // The runtime front end sees the model, never the code around it: source-only rules have nothing to read.
            schema.Code.IsObserved = false;
            if (!_isRelational)
            {
                _notes.Add($"The context uses a non-relational provider ({provider}); entity types map to no tables, so table rules (keys, indexes, timestamps, constraints) stay silent. Build the context with the relational provider you deploy to for a full audit; building the model opens no connection.");
            }

            foreach (var entityType in _model.GetEntityTypes())
            {
                EntityTypeModel mapped;
                try
                {
                    mapped = MapEntity(entityType);
                }
                catch (Exception e) when (IsRecoverable(e))
                {
                    // A false finding costs more than a miss: leave the entity out and say so.
                    _notes.Add($"Skipped entity type '{entityType.DisplayName()}': SchemaLint could not read it ({e.GetType().Name}: {e.Message}).");
                    schema.IsEntitySetComplete = false;
                    continue;
                }

                schema.AddEntity(mapped);
            }

            return schema;
        }

        private EntityTypeModel MapEntity(IEntityType entityType)
        {
            var clrType = entityType.IsPropertyBag ? null : entityType.ClrType;
            var entity = new EntityTypeModel(entityType.Name, entityType.ShortName())
            {
                IsKeyless = entityType.FindPrimaryKey() is null,
                IsOwned = entityType.IsOwned(),
                IsJoinEntity = _joinEntities.Contains(entityType),
                IsPropertyBag = entityType.IsPropertyBag,
                BaseTypeName = entityType.BaseType?.Name,
                InheritanceStrategy = EntityFacts.InheritanceStrategyOf(entityType),
                NullableReferenceTypes = _nullability.IsEnabledFor(clrType),
                Location = SourceLocator.ForType(clrType),
                // A property bag (a many-to-many join without a class) has no declaring assembly: it is the application's.
                Package = _assemblies.PackageOf(clrType),
            };
            EntityFacts.ApplyMapping(entity, entityType, _isRelational);

            var properties = new PropertyMapper(_nullability, _isRelational, _assemblies);
            foreach (var property in entityType.GetDeclaredProperties()) entity.AddProperty(properties.Map(property, entity));
            if (entityType.GetDeclaredComplexProperties().Any())
            {
                // Complex types add columns this mapper does not read; rules that reason about missing columns must not judge this type.
                entity.Completeness &= ~ModelCompleteness.Properties;
                _notes.Add($"'{entityType.DisplayName()}' has complex properties ({string.Join(", ", entityType.GetDeclaredComplexProperties().Select(c => c.Name))}); their columns are not read, so rules about missing columns skip it.");
            }

            var relationships = new RelationshipMapper(_nullability, _assemblies);
            foreach (var key in entityType.GetDeclaredKeys()) entity.Keys.Add(relationships.MapKey(key));
            foreach (var foreignKey in entityType.GetDeclaredForeignKeys()) entity.ForeignKeys.Add(relationships.MapForeignKey(foreignKey, entity));
            foreach (var index in entityType.GetDeclaredIndexes()) entity.Indexes.Add(relationships.MapIndex(index));
            foreach (var constraint in entityType.GetDeclaredCheckConstraints())
                entity.CheckConstraints.Add(new CheckConstraintModel(constraint.Name ?? constraint.ModelName, constraint.Sql));
            return entity;
        }

        private static bool IsRecoverable(Exception e) =>
            e is InvalidOperationException || e is NotSupportedException || e is ArgumentException
            || e is InvalidCastException || e is TypeLoadException || e is System.Reflection.AmbiguousMatchException;
    }
}
