using System;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary><c>HasOne/HasMany(...).WithOne/WithMany(...)</c> and the relationship calls chained after them.</summary>
    internal sealed class RelationshipBinding : Binding
    {
        private readonly FluentReader _reader;
        private readonly RelationshipDraft _relationship;

        public RelationshipBinding(FluentReader reader, RelationshipDraft relationship)
        {
            _reader = reader;
            _relationship = relationship;
        }

        public override void Taint() => _relationship.IsOpaque = true;

        public override Binding? Apply(ChainStep step)
        {
            if (!step.IsCall) return null;
            var location = step.Location;
            switch (step.Name)
            {
                case "WithMany":
                case "WithOne":
                {
                    if (_relationship.TargetIsCollection is not null || step.Arguments.Count > 1) return null;
                    _relationship.TargetIsCollection = step.Name == "WithMany";
                    if (step.Arguments.Count == 1)
                    {
                        var names = Arguments.MemberNames(step.Arguments[0]);
                        if (names is null || names.Count != 1) return null;
                        _relationship.TargetNavigation = names[0];

                        // WithMany(b => (ICollection<Episode>)b.Items): the cast's type is the navigation EF maps.
                        if (Arguments.CastType(step.Arguments[0]) is { } castSyntax && _reader.Scope.ResolveValueType(castSyntax) is { } cast)
                        {
                            var shape = Discovery.ClrTypes.ShapeOf(cast, out var target);
                            if (shape != (step.Name == "WithMany" ? Discovery.MemberShape.Collection : Discovery.MemberShape.Reference) || target is not INamedTypeSymbol castTarget)
                                return null;
                            _reader.Model.AddCastNavigation(_relationship.Target, names[0], castTarget);
                        }
                    }

                    return this;
                }

                case "HasForeignKey":
                case "HasPrincipalKey":
                {
                    var names = Arguments.MemberNames(step.Arguments);
                    if (names is null) return null;
                    if (step.TypeArguments.Count == 1)
                    {
                        var type = _reader.ResolveType(step.TypeArguments[0]);
                        EntityDraft? named = null;
                        if (SymbolEqualityComparer.Default.Equals(type, _reader.Model.SymbolOf(_relationship.Source))) named = _relationship.Source;
                        else if (SymbolEqualityComparer.Default.Equals(type, _reader.Model.SymbolOf(_relationship.Target))) named = _relationship.Target;
                        if (named is null) return null;
                        var dependent = step.Name == "HasForeignKey" ? named : named == _relationship.Source ? _relationship.Target : _relationship.Source;
                        if (_relationship.DeclaredDependent is not null && _relationship.DeclaredDependent != dependent) return null;
                        _relationship.DeclaredDependent = dependent;
                    }

                    if (step.Name == "HasForeignKey") _relationship.ForeignKeyNames = names;
                    else _relationship.PrincipalKeyNames = names;
                    return this;
                }

                case "OnDelete":
                {
                    var member = Arguments.EnumMember(step.Argument(0), "DeleteBehavior");
                    if (member is null || !Enum.TryParse<DeleteBehaviorKind>(member, out var behavior)) return null;
                    _relationship.DeleteBehavior = new Configured<DeleteBehaviorKind>(behavior, location);
                    return this;
                }

                case "IsRequired":
                {
                    var required = step.Arguments.Count == 0 ? true : step.Bool(0);
                    if (required is null) return null;
                    _relationship.Required = new Configured<bool>(required.Value, location);
                    return this;
                }

                case "HasConstraintName":
                    return this;
                case "UsingEntity":
                    _reader.Model.IsEntitySetComplete = false;
                    return null;
                default:
                    return null;
            }
        }
    }
}
