using System;
using System.Collections.Generic;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>
    /// A relationship as Fluent API or navigations describe it, before the dependent side and foreign key are settled.
    /// "Source" is the entity whose builder or navigation started it; "Target" the other end.
    /// </summary>
    internal sealed class RelationshipDraft
    {
        public RelationshipDraft(EntityDraft source, EntityDraft target)
        {
            Source = source;
            Target = target;
        }

        public EntityDraft Source { get; private set; }

        public EntityDraft Target { get; private set; }

        /// <summary>Navigation on <see cref="Source"/> (null for <c>HasOne&lt;T&gt;()</c> or a navigation only on the other side).</summary>
        public string? SourceNavigation { get; set; }

        public bool SourceIsCollection { get; set; }

        /// <summary>Navigation on <see cref="Target"/> pointing back.</summary>
        public string? TargetNavigation { get; set; }

        /// <summary>Whether the target side is "many" (<c>WithMany</c> or a collection navigation); null when nothing says.</summary>
        public bool? TargetIsCollection { get; set; }

        /// <summary>For a one-to-one, the entity <c>HasForeignKey&lt;T&gt;</c> or <c>[ForeignKey]</c> names as dependent.</summary>
        public EntityDraft? DeclaredDependent { get; set; }

        public List<string>? ForeignKeyNames { get; set; }

        public List<string>? PrincipalKeyNames { get; set; }

        public Configured<DeleteBehaviorKind>? DeleteBehavior { get; set; }

        public Configured<bool>? Required { get; set; }

        /// <summary>[Required] on the dependent navigation, or its non-nullable annotation; what the code declared.</summary>
        public Configured<DeclaredRequiredness>? Declared { get; set; }

        public bool IsFluent { get; set; }

        /// <summary>Part of the configuration could not be followed: the relationship's facts are unknown.</summary>
        public bool IsOpaque { get; set; }

        public SourceLocation? Location { get; set; }

        public bool IsManyToMany => SourceIsCollection && TargetIsCollection == true;

        /// <summary>The piece of model-building code that stated the relationship (null outside a recorded piece).</summary>
        public FluentPiece? Piece { get; set; }

        /// <summary>A copy the conventions do not write into (they settle a relationship they cannot follow as opaque).</summary>
        public RelationshipDraft Copy() => (RelationshipDraft)MemberwiseClone();

        /// <summary>
        /// A copy stated by <paramref name="piece"/>, its ends replaced by the drafts <paramref name="relink"/> gives for
        /// them: drafts of this snapshot for the conventions to settle again (in place of a record's stand-ins, or of the
        /// drafts read), or stand-ins for a record (<see cref="Recorded"/>).
        /// </summary>
        public RelationshipDraft ToBuildAgain(FluentPiece? piece, Func<EntityDraft, EntityDraft> relink)
        {
            var copy = Copy();
            copy.Source = relink(Source);
            copy.Target = relink(Target);
            copy.DeclaredDependent = DeclaredDependent is null ? null : relink(DeclaredDependent);
            copy.Piece = piece;
            return copy;
        }

        /// <summary>
        /// The relationship as the next snapshot compares it, its ends replaced by <paramref name="standIn"/>s that carry their
        /// names (as <see cref="EntityDraft.Recorded"/> does) and its piece left out, so that the record keeps no draft or
        /// tree of this snapshot alive.
        /// </summary>
        public RelationshipDraft Recorded(Func<EntityDraft, EntityDraft> standIn) => ToBuildAgain(piece: null, standIn);
    }
}
