using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// An instance property or field of a CLR type as conventions ask about it: its type, declared nullability, the
    /// relationship attributes EF Core reads from it, and where it is declared; read from the symbol once, holding none.
    /// </summary>
    internal sealed class ClrMember
    {
        public ClrMember(string name, ClrType type, bool isField, NullableAnnotation declaredAnnotation, bool declaredAsTypeParameter, string? declaringPackage, bool isDeclaredInSource, Location? declaredAt)
        {
            Name = name;
            Type = type;
            IsField = isField;
            DeclaredAnnotation = declaredAnnotation;
            DeclaredAsTypeParameter = declaredAsTypeParameter;
            DeclaringPackage = declaringPackage;
            IsDeclaredInSource = isDeclaredInSource;
            DeclaredAt = declaredAt;
        }

        private StrongBox<SourceLocation?>? _placed;

        public string Name { get; }

        public ClrType Type { get; }

        /// <summary>A field (a backing field mapped by name), not a property.</summary>
        public bool IsField { get; }

        /// <summary>How the declaration annotates the member's type (<c>string?</c>, <c>string</c>, or outside a nullable context).</summary>
        public NullableAnnotation DeclaredAnnotation { get; }

        /// <summary>Declared with a type parameter as its type (<c>T Value</c> on <c>Setting&lt;string&gt;</c>).</summary>
        public bool DeclaredAsTypeParameter { get; }

        /// <summary>The package of the type that declares the member; null for the application's own.</summary>
        public string? DeclaringPackage { get; }

        /// <summary>Declared by a type of the compilation being read.</summary>
        public bool IsDeclaredInSource { get; }

        /// <summary>Where the member is declared in source; kept as Roslyn's location and placed only when asked.</summary>
        public Location? DeclaredAt { get; }

        /// <summary>
        /// Where the member is declared, placed on first use and kept: the member's tree is the same object for as long as
        /// these data are used (a snapshot takes them over only from unedited trees), so the place cannot move. Each use
        /// still tells the footprint the reader pointed there.
        /// </summary>
        public SourceLocation? Location => SourceLocations.OfDeclaration(DeclaredAt, ref _placed);

        /// <summary><c>[ForeignKey("...")]</c>'s argument.</summary>
        public string? ForeignKeyAttribute { get; internal set; }

        /// <summary><c>[InverseProperty("...")]</c>'s argument.</summary>
        public string? InversePropertyAttribute { get; internal set; }

        public bool HasRequiredAttribute { get; internal set; }

        /// <summary>
        /// A C# <c>required</c> member: the compiler makes every object creation set it (or call a constructor that says it
        /// does), so code assigns it wherever the creations live, in this project or another.
        /// </summary>
        public bool IsRequiredMember { get; internal set; }

        /// <summary><c>[DeleteBehavior(...)]</c>'s value, with the attribute's place.</summary>
        public (DeleteBehaviorKind Value, Location? At)? DeleteBehaviorAttribute { get; internal set; }

        /// <summary>
        /// The member as the trees after an edit hold it, when the edit changed none of its declaration
        /// (<see cref="Declarations.TypeFacts.MovedTo"/>); null when the edit touched one of its places.
        /// </summary>
        public ClrMember? MovedTo(IReadOnlyDictionary<SyntaxTree, Declarations.MovedTree> moves)
        {
            if (!Declarations.MovedTree.TryMove(DeclaredAt, moves, out var declaredAt)) return null;
            (DeleteBehaviorKind Value, Location? At)? deleteBehavior = null;
            if (DeleteBehaviorAttribute is { } attribute)
            {
                if (!Declarations.MovedTree.TryMove(attribute.At, moves, out var at)) return null;
                deleteBehavior = (attribute.Value, at);
            }

            return new ClrMember(Name, Type, IsField, DeclaredAnnotation, DeclaredAsTypeParameter, DeclaringPackage, IsDeclaredInSource, declaredAt)
            {
                ForeignKeyAttribute = ForeignKeyAttribute,
                InversePropertyAttribute = InversePropertyAttribute,
                HasRequiredAttribute = HasRequiredAttribute,
                IsRequiredMember = IsRequiredMember,
                DeleteBehaviorAttribute = deleteBehavior,
            };
        }

        public override string ToString() => Name;
    }
}
