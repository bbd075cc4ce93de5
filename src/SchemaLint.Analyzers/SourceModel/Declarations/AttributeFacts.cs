using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>The attributes discovery reads, by what they mean to EF Core.</summary>
    internal enum ModelAttribute
    {
        Required,
        MaxLength,
        StringLength,
        Precision,
        Column,
        DatabaseGenerated,
        Timestamp,
        Range,
        Key,
        Table,
        Keyless,
        PrimaryKey,
        Index,
    }

    /// <summary>An attribute argument's value as data: a constant (null when it is none, or a type), or an array's items.</summary>
    internal sealed class AttributeValue
    {
        private AttributeValue(object? value, bool isNull, IReadOnlyList<AttributeValue>? items)
        {
            Value = value;
            IsNull = isNull;
            Items = items;
        }

        public object? Value { get; }

        public bool IsNull { get; }

        /// <summary>The items of an array argument; null for any other.</summary>
        public IReadOnlyList<AttributeValue>? Items { get; }

        public static AttributeValue Of(TypedConstant constant)
        {
            if (constant.Kind == TypedConstantKind.Array)
            {
                var items = new List<AttributeValue>();
                if (!constant.IsNull)
                {
                    foreach (var item in constant.Values) items.Add(Of(item));
                }

                return new AttributeValue(null, constant.IsNull, items);
            }

            // A type argument (typeof(...)) is a symbol: none of the attributes read here needs it as a value.
            return new AttributeValue(constant.Kind == TypedConstantKind.Type ? null : constant.Value, constant.IsNull, null);
        }
    }

    /// <summary>One attribute on a type or a member, decoded to data: its meaning, its arguments, and where it is applied.</summary>
    internal sealed class AttributeFacts
    {
        public AttributeFacts(ModelAttribute kind, IReadOnlyList<AttributeValue> constructorArguments, IReadOnlyList<KeyValuePair<string, AttributeValue>> namedArguments, Location? appliedAt)
        {
            Kind = kind;
            ConstructorArguments = constructorArguments;
            NamedArguments = namedArguments;
            AppliedAt = appliedAt;
        }

        public ModelAttribute Kind { get; }

        public IReadOnlyList<AttributeValue> ConstructorArguments { get; }

        public IReadOnlyList<KeyValuePair<string, AttributeValue>> NamedArguments { get; }

        /// <summary>The attribute's syntax, placed (and so recorded in the footprint) only when a fact is taken from it.</summary>
        public Location? AppliedAt { get; }

        public SourceLocation? Location => SourceLocations.Of(AppliedAt);

        /// <summary>The attributes as the trees after an edit hold them (<see cref="TypeFacts.MovedTo"/>); null when the edit touched one.</summary>
        public static IReadOnlyList<AttributeFacts>? MovedTo(IReadOnlyList<AttributeFacts> attributes, IReadOnlyDictionary<SyntaxTree, MovedTree> moves)
        {
            if (attributes.Count == 0) return attributes;
            var moved = new List<AttributeFacts>(attributes.Count);
            foreach (var attribute in attributes)
            {
                if (!MovedTree.TryMove(attribute.AppliedAt, moves, out var appliedAt)) return null;
                moved.Add(new AttributeFacts(attribute.Kind, attribute.ConstructorArguments, attribute.NamedArguments, appliedAt));
            }

            return moved;
        }
    }
}
