using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary><c>EntityTypeBuilder&lt;T&gt;</c>, or the builder of an owned type (<c>OwnsOne(e =&gt; e.Address, a =&gt; ...)</c>).</summary>
    internal sealed class EntityBinding : Binding
    {
        private readonly FluentReader _reader;

        public EntityBinding(FluentReader reader, EntityDraft entity)
        {
            _reader = reader;
            Entity = entity;
        }

        public EntityDraft Entity { get; }

        public override void Taint() => Entity.MakeOpaque();

        public override bool SelectsOnly => true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return step.Name == "Metadata" ? new EntityMetadataBinding(Entity) : null;
            switch (step.Name)
            {
                case "Property":
                case "PrimitiveCollection":
                    return PropertyCall(step);
                case "HasKey":
                {
                    var names = Arguments.MemberNames(step.Arguments);
                    if (names is null) return null;
                    MarkScalar(names);
                    Entity.PrimaryKey = new Configured<List<string>>(names, step.Location);
                    return new KeyBinding(Entity);
                }

                case "HasNoKey" when step.Arguments.Count == 0:
                    Entity.Keyless = new Configured<bool>(true, step.Location);
                    return this;
                case "HasAlternateKey":
                {
                    var names = Arguments.MemberNames(step.Arguments);
                    if (names is null) return null;
                    MarkScalar(names);
                    Entity.AlternateKeys.Add(new Configured<List<string>>(names, step.Location));
                    return new KeyBinding(Entity);
                }

                case "HasIndex":
                    return IndexCall(step);
                case "HasOne":
                case "HasMany":
                    return RelationshipCall(step);
                case "OwnsOne":
                case "OwnsMany":
                    return OwnsCall(step);
                case "WithOwner" when Entity.IsOwned:
                    return step.Arguments.Count == 0 || Arguments.MemberNames(step.Arguments[0]) is not null ? new OwnershipBinding(Entity) : null;
                case "ToTable":
                    return ToTableCall(step);
                case "ToView":
                    return MapTo(step, TableMappingKind.View);
                case "ToSqlQuery":
                    return MapTo(step, TableMappingKind.SqlQuery);
                case "ToFunction":
                    return MapTo(step, TableMappingKind.Function);
                case "HasCheckConstraint":
                    return TableBinding.AddCheckConstraint(Entity, step) ? this : null;
                case "Ignore":
                {
                    var names = Arguments.MemberNames(step.Arguments);
                    if (names is null || names.Count != 1) return null;
                    Entity.Ignore(names[0]);
                    return this;
                }

                case "UseTphMappingStrategy":
                    Entity.Strategy = new Configured<InheritanceStrategy>(InheritanceStrategy.Tph, step.Location);
                    return this;
                case "UseTptMappingStrategy":
                    Entity.Strategy = new Configured<InheritanceStrategy>(InheritanceStrategy.Tpt, step.Location);
                    return this;
                case "UseTpcMappingStrategy":
                    Entity.Strategy = new Configured<InheritanceStrategy>(InheritanceStrategy.Tpc, step.Location);
                    return this;
                case "HasDiscriminator":
                    return DiscriminatorCall(step);
                case "HasData":
                case "HasQueryFilter":
                case "HasComment":
                case "HasAnnotation":
                case "IsMemoryOptimized":
                case "UseXminAsConcurrencyToken":
                case "HasChangeTrackingStrategy":
                case "UsePropertyAccessMode":
                case "HasEmbeddedDiscriminatorName":
                    return this;
                case "Navigation":
                    return NavigationCall(step);
                default:
                    return null;
            }
        }

        private Binding? PropertyCall(ChainStep step)
        {
            if (step.Arguments.Count != 1) return null;
            var names = Arguments.MemberNames(step.Arguments[0]);
            if (names is null || names.Count != 1) return null;
            var property = Entity.Property(names[0]);
            MarkScalar(names);
            if (_reader.Scope.TypeFacts.FindProperty(EntityType, names[0]) is null)
            {
                if (step.TypeArguments.Count == 1) property.Type ??= Clr(_reader.Scope.ResolveValueType(step.TypeArguments[0]));
                property.Location ??= step.Location;

                // A backing field mapped by name (Property("_alias") or Property<string>("_alias")) is a CLR member EF reads
                // and writes, with a declared type and nullability; not a shadow.
                if (ClrTypes.FindField(EntityType, names[0]) is { } field)
                {
                    property.Member = _reader.Scope.Clr.Of(field);
                    property.Type ??= property.Member.Type;
                    property.Location = SourceLocations.Of(field) ?? property.Location;
                }
            }

            return new PropertyBinding(property);
        }

        /// <summary>
        /// Members a key, an index or Property() names are columns, never navigations: a class-typed one (a strongly typed
        /// id) is mapped through a value converter, wherever that converter is configured.
        /// </summary>
        private void MarkScalar(List<string> names)
        {
            foreach (var name in names)
            {
                if (_reader.Scope.TypeFacts.ShapeOfProperty(EntityType, name) is MemberShape.Reference)
                    Entity.MapAsScalar(name);
            }
        }

        private Binding? IndexCall(ChainStep step)
        {
            List<string>? names;
            string? name = null;
            if (step.Arguments.Count >= 1 && Arguments.IsLambda(step.Arguments[0]))
            {
                names = Arguments.MemberNames(step.Arguments[0]);
                if (step.Arguments.Count == 2) name = step.String(1);
                else if (step.Arguments.Count > 2) return null;
            }
            else
            {
                names = Arguments.MemberNames(step.Arguments);
            }

            if (names is null) return null;
            MarkScalar(names);
            var index = new IndexDraft(names, step.Location) { Name = name };
            Entity.Indexes.Add(index);
            return new IndexBinding(Entity, index);
        }

        private Binding? RelationshipCall(ChainStep step)
        {
            var isCollection = step.Name == "HasMany";
            string? navigation = null;
            INamedTypeSymbol? targetType = null;
            if (step.Arguments.Count == 1)
            {
                var names = Arguments.MemberNames(step.Arguments[0]);
                if (names is null || names.Count != 1) return null;
                navigation = names[0];
                var castSyntax = Arguments.CastType(step.Arguments[0]);
                if (castSyntax is null && NavigationFacts(navigation) is { } known)
                {
                    if (known.Type.Shape != (isCollection ? MemberShape.Collection : MemberShape.Reference)) return null;
                    targetType = known.Type.ShapeTarget is { } target ? _reader.Scope.TypeFacts.NavigationTarget(_reader.Model, EntityType, navigation, target) : null;
                }
                else if (ClrTypes.FindProperty(EntityType, navigation) is { } member)
                {
                    var cast = castSyntax is null ? null : _reader.Scope.ResolveValueType(castSyntax);

                    // The member may be typed as an interface (IMediaContent Series): the cast says which entity type EF maps.
                    var shape = ClrTypes.ShapeOf(cast ?? member.Type, out var target);
                    if (shape != (isCollection ? MemberShape.Collection : MemberShape.Reference)) return null;
                    targetType = target as INamedTypeSymbol;
                    if (cast is not null && targetType is not null) _reader.Model.AddCastNavigation(Entity, navigation, targetType);
                }
            }
            else if (step.Arguments.Count > 1)
            {
                return null;
            }

            if (step.TypeArguments.Count == 1)
            {
                var named = _reader.ResolveType(step.TypeArguments[0]);
                if (named is null || (targetType is not null && !SymbolEqualityComparer.Default.Equals(named, targetType))) return null;
                targetType = named;
            }

            var targetEntity = targetType is null ? null : _reader.Model.GetOrAdd(targetType);
            if (targetEntity is null) return null;
            var relationship = new RelationshipDraft(Entity, targetEntity)
            {
                SourceNavigation = navigation,
                SourceIsCollection = isCollection,
                IsFluent = true,
                Location = step.Location,
                Piece = _reader.Model.Piece,
            };
            _reader.Model.FluentRelationships.Add(relationship);
            return new RelationshipBinding(_reader, relationship);
        }

        private Binding? OwnsCall(ChainStep step)
        {
            var isCollection = step.Name == "OwnsMany";
            if (step.Arguments.Count < 1 || step.Arguments.Count > 2) return null;
            var names = Arguments.MemberNames(step.Arguments[0]);
            if (names is null || names.Count != 1) return null;
            INamedTypeSymbol? ownedType;
            ClrMember? ownership = null;
            if (NavigationFacts(names[0]) is { } known)
            {
                if (known.Type.Shape != (isCollection ? MemberShape.Collection : MemberShape.Reference)) return null;
                ownership = known;
                ownedType = known.Type.ShapeTarget is { } target ? _reader.Scope.TypeFacts.NavigationTarget(_reader.Model, EntityType, names[0], target) : null;
            }
            else if (ClrTypes.FindProperty(EntityType, names[0]) is { } member)
            {
                var shape = ClrTypes.ShapeOf(member.Type, out var target);
                if (shape != (isCollection ? MemberShape.Collection : MemberShape.Reference)) return null;
                ownership = _reader.Scope.Clr.Of(member);
                ownedType = target as INamedTypeSymbol;
            }
            else
            {
                // OwnsOne<Address>("_address", ...): a backing field named by string, the owned type given as the type argument.
                ownedType = step.TypeArguments.Count == 1 ? _reader.ResolveType(step.TypeArguments[0]) : null;
            }

            if (ownedType is null) return null;
            var owned = _reader.Model.AddOwned(Entity, names[0], ownership, ownedType, isCollection, step.Location);
            var binding = new EntityBinding(_reader, owned);
            if (step.Arguments.Count == 2)
            {
                _reader.ReadLambda(step.Arguments[1], binding);
                return this;
            }

            return binding;
        }

        private Binding? ToTableCall(ChainStep step)
        {
            var arguments = step.Arguments;
            var buildAction = arguments.Count > 0 && Arguments.IsLambda(arguments[arguments.Count - 1]) ? arguments[arguments.Count - 1] : null;
            var plain = buildAction is null ? arguments.Count : arguments.Count - 1;
            if (plain > 2) return null;
            if (plain >= 1)
            {
                if (Arguments.IsNullLiteral(arguments[0]))
                {
                    Entity.Mapping = new Configured<TableMappingKind>(TableMappingKind.None, step.Location);
                    return this;
                }

                // A name computed at run time (ToTable(table.Name, table.Schema) in a helper) still maps the entity to a table of
                // its own; only its spelling is unknown, which no rule reads except to find tables shared by several types.
                var name = step.String(0);
                if (name is not null) Entity.TableName = name;
                else if (!Arguments.IsNullLiteral(step.Argument(0)) && step.Argument(0)?.Expression is not null) Entity.TableNameComputed = true;
                if (plain == 2) Entity.Schema = step.String(1);
            }

            Entity.Mapping = new Configured<TableMappingKind>(TableMappingKind.Table, step.Location);
            if (buildAction is not null) _reader.ReadLambda(buildAction, new TableBinding(Entity));
            return this;
        }

        private Binding? MapTo(ChainStep step, TableMappingKind kind)
        {
            if (step.Arguments.Count == 0) return null;
            Entity.Mapping = new Configured<TableMappingKind>(kind, step.Location);
            Entity.TableName = kind == TableMappingKind.SqlQuery ? null : step.String(0);
            if (step.Arguments.Count >= 2 && kind != TableMappingKind.SqlQuery && !Arguments.IsLambda(step.Arguments[1])) Entity.Schema = step.String(1);
            return this;
        }

        private Binding? DiscriminatorCall(ChainStep step)
        {
            Entity.Strategy ??= new Configured<InheritanceStrategy>(InheritanceStrategy.Tph, step.Location);
            var name = "Discriminator";
            if (step.Arguments.Count == 1)
            {
                var names = Arguments.MemberNames(step.Arguments[0]);
                if (names is null || names.Count != 1) return null;
                name = names[0];
            }
            else if (step.Arguments.Count > 1)
            {
                return null;
            }

            var property = Entity.Property(name);
            property.Location ??= step.Location;
            if (step.TypeArguments.Count == 1 && _reader.Scope.TypeFacts.FindProperty(EntityType, name) is null)
                property.Type ??= Clr(_reader.Scope.ResolveValueType(step.TypeArguments[0]));
            property.IsDiscriminator = true;
            return InertBinding.Instance;
        }

        private ClrType? Clr(ITypeSymbol? type) => type is null ? null : _reader.Scope.Clr.Of(type);

        /// <summary>
        /// The property a navigation call names, as the entity type's facts hold it: taken over from the snapshot before when
        /// its declarations are unchanged, so a Fluent call completes no member of an entity type read already. Null when the
        /// facts hold no member for it (no such property, or one conventions pass over): that one is bound from its symbol.
        /// </summary>
        private ClrMember? NavigationFacts(string name) => _reader.Scope.TypeFacts.FindProperty(EntityType, name)?.Member;

        /// <summary>The configured entity's CLR type, bound.</summary>
        private INamedTypeSymbol EntityType => _reader.Model.SymbolOf(Entity);

        private Binding? NavigationCall(ChainStep step)
        {
            if (step.Arguments.Count != 1 || Arguments.MemberNames(step.Arguments[0]) is not { Count: 1 } names) return null;
            return new NavigationBinding(_reader, Entity, names[0]);
        }
    }
}
