using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// <c>builder.Metadata</c> of an entity builder (DDD configurations reach navigations and fields through it): finding a
    /// navigation or property selects it; setting access modes, fields, comments or annotations changes no fact this reader
    /// records; anything else makes the entity unknown.
    /// </summary>
    internal sealed class EntityMetadataBinding : Binding
    {
        private readonly EntityDraft _entity;

        public EntityMetadataBinding(EntityDraft entity)
        {
            _entity = entity;
        }

        public override bool SelectsOnly => true;

        public override void Taint() => _entity.MakeOpaque();

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            switch (step.Name)
            {
                case "FindNavigation":
                case "GetNavigation":
                case "FindSkipNavigation":
                    return new NavigationMetadataBinding(_entity);
                case "FindProperty":
                case "GetProperty":
                {
                    var name = step.String(0);
                    return name is null || !Arguments.IsName(name) ? null : new PropertyMetadataBinding(_entity.Property(name));
                }

                case "SetAnnotation":
                case "AddAnnotation":
                case "RemoveAnnotation":
                case "SetComment":
                case "SetQueryFilter":
                case "SetChangeTrackingStrategy":
                case "SetNavigationAccessMode":
                case "SetPropertyAccessMode":
                    return InertBinding.Instance;
                default:
                    return null;
            }
        }
    }

    /// <summary>A navigation's metadata: how EF reaches it (field, access mode, eager loading) changes no column, key or relationship.</summary>
    internal sealed class NavigationMetadataBinding : Binding
    {
        private readonly EntityDraft _entity;

        public NavigationMetadataBinding(EntityDraft entity)
        {
            _entity = entity;
        }

        public override bool SelectsOnly => true;

        public override void Taint() => _entity.MakeOpaque();

        public override Binding? Apply(ChainStep step) =>
            step.IsCall && step.Name is "SetPropertyAccessMode" or "SetField" or "SetIsEagerLoaded" or "SetLazyLoadingEnabled" or "SetAnnotation" or "AddAnnotation"
                ? InertBinding.Instance
                : null;
    }

    /// <summary>A property's metadata: the setters that state a column fact are read; access modes and annotations change none.</summary>
    internal sealed class PropertyMetadataBinding : Binding
    {
        private readonly PropertyDraft _property;

        public PropertyMetadataBinding(PropertyDraft property)
        {
            _property = property;
        }

        public override bool SelectsOnly => true;

        public override void Taint() => _property.IsOpaque = true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            switch (step.Name)
            {
                case "SetMaxLength":
                {
                    var length = step.Int(0);
                    if (length is null && !Arguments.IsNullLiteral(step.Argument(0))) return null;
                    _property.MaxLength = new Configured<int?>(length, step.Location);
                    return InertBinding.Instance;
                }

                case "SetColumnType":
                {
                    var type = step.String(0);
                    if (type is null) return null;
                    _property.StoreType = new Configured<string?>(type, step.Location);
                    return InertBinding.Instance;
                }

                case "SetPropertyAccessMode":
                case "SetField":
                case "SetComment":
                case "SetAnnotation":
                case "AddAnnotation":
                    return InertBinding.Instance;
                default:
                    return null;
            }
        }
    }

    /// <summary><c>modelBuilder.Model</c>: one entity type found by its CLR type is selected; enumerating all of them cannot be followed.</summary>
    internal sealed class ModelMetadataBinding : Binding
    {
        private readonly FluentReader _reader;

        public ModelMetadataBinding(FluentReader reader)
        {
            _reader = reader;
        }

        public override bool SelectsOnly => true;

        public override bool IsModel => true;

        public override void Taint() => _reader.Model.MakeOpaque();

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            switch (step.Name)
            {
                case "FindEntityType" when step.Argument(0)?.Expression is TypeOfExpressionSyntax typeOf:
                {
                    var type = _reader.ResolveType(typeOf.Type);
                    var entity = type is null ? null : _reader.Model.Find(type);
                    return entity is null ? null : new EntityMetadataBinding(entity);
                }

                case "SetAnnotation":
                case "AddAnnotation":
                    return InertBinding.Instance;
                default:
                    return null;
            }
        }
    }
}
