using System;
using System.Collections.Generic;
using System.Linq;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>Primary keys as EF Core settles them: HasNoKey/[Keyless], HasKey/[PrimaryKey], one [Key], then "Id" or "{Type}Id".</summary>
    internal static class KeyConventions
    {
        public static void Resolve(ModelDraft model)
        {
            foreach (var entity in model.Entities)
            {
                if (entity.IsOwned || entity.BaseType is not null) continue;
                ResolveRoot(entity);
            }

            foreach (var entity in model.Entities.Where(e => !e.IsOwned && e.BaseType is not null))
                entity.ResolvedKeyless = Root(entity).ResolvedKeyless;
        }

        public static EntityDraft Root(EntityDraft entity)
        {
            var current = entity;
            while (current.BaseType is not null) current = current.BaseType;
            return current;
        }

        /// <summary>A property visible on the entity: declared on it or on a base entity type.</summary>
        public static PropertyDraft? FindProperty(EntityDraft entity, string name)
        {
            // Walked by index: a lambda over the name allocated a closure per call, and the conventions call this per key and
            // foreign-key part of every entity type.
            for (var current = entity; current is not null; current = current.BaseType)
            {
                var declared = current.Declared;
                for (var i = 0; i < declared.Count; i++)
                {
                    if (string.Equals(declared[i].Name, name, StringComparison.Ordinal)) return declared[i];
                }
            }

            return null;
        }

        public static IEnumerable<PropertyDraft> AllProperties(EntityDraft entity)
        {
            for (var current = entity; current is not null; current = current.BaseType)
            {
                foreach (var property in current.Declared) yield return property;
            }
        }

        private static void ResolveRoot(EntityDraft entity)
        {
            if (entity.Keyless?.Value == true)
            {
                entity.ResolvedKeyless = Fact<bool>.Known(true, entity.Keyless.Location);
                return;
            }

            List<string>? names = null;
            SourceLocation? location = null;
            if (entity.PrimaryKey is not null)
            {
                names = entity.PrimaryKey.Value;
                location = entity.PrimaryKey.Location;
            }
            else if (entity.KeyAttributes.Count == 1)
            {
                names = entity.KeyAttributes;
                location = entity.KeyAttributeLocation;
            }
            else if (entity.KeyAttributes.Count > 1)
            {
                // Composite keys need [PrimaryKey] or HasKey; EF Core rejects several [Key] attributes alone.
                entity.Unknown |= ModelCompleteness.Keys;
                entity.ResolvedKeyless = Fact<bool>.Unknown;
                return;
            }
            else
            {
                var byConvention = Discover(entity);
                if (byConvention is not null) names = new List<string> { byConvention.Name };
            }

            if (names is null || names.Any(n => FindProperty(entity, n) is null))
            {
                // No key EF Core would find: either code this reader missed configures one, or the model is invalid.
                entity.Unknown |= ModelCompleteness.Keys;
                entity.ResolvedKeyless = Fact<bool>.Unknown;
                return;
            }

            entity.ResolvedPrimaryKey = names;
            entity.PrimaryKeyLocation = location;
            entity.ResolvedKeyless = Fact<bool>.Known(false, location);
            foreach (var name in names) entity.Writable(FindProperty(entity, name)!).IsKeyPart = true;
            foreach (var alternate in entity.AlternateKeys)
            {
                foreach (var name in alternate.Value)
                {
                    var property = FindProperty(entity, name);
                    if (property is not null) entity.Writable(property).IsKeyPart = true;
                }
            }
        }

        private static PropertyDraft? Discover(EntityDraft entity)
        {
            var properties = AllProperties(entity).ToList();
            var byId = properties.Where(p => string.Equals(p.Name, "Id", StringComparison.OrdinalIgnoreCase)).ToList();
            if (byId.Count == 1) return byId[0];
            if (byId.Count > 1) return null;
            var byTypeName = properties.Where(p => string.Equals(p.Name, entity.Type.Name + "Id", StringComparison.OrdinalIgnoreCase)).ToList();
            return byTypeName.Count == 1 ? byTypeName[0] : null;
        }
    }
}
