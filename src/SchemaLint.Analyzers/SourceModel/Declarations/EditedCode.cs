using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// What a model edit changed, when its snapshot compares with the snapshot before file by file: for each edited file,
    /// the text it changed (in both snapshots' places) and whether the change reached its declarations, and the members
    /// whose declarations it changed. A piece of model-building code asks it, as it reads and before it is read again,
    /// whether the code it reads is code the edit changed (<see cref="Drafts.FluentPiece"/>): reading a file an edit
    /// changed further down (a method's body after <c>OnModelCreating</c>) reads the same code, in the same places, as before.
    /// </summary>
    /// <remarks>Made for one extraction and used by its thread; what is recorded for the next snapshot does not keep it.</remarks>
    internal sealed class EditedCode
    {
        private readonly HashSet<SyntaxTree> _current;
        private readonly Dictionary<SyntaxTree, Edit> _byBefore = new Dictionary<SyntaxTree, Edit>();
        private readonly Dictionary<SyntaxTree, Edit> _byAfter = new Dictionary<SyntaxTree, Edit>();

        private readonly CancellationToken _cancellationToken;

        // Per tree asked, whether it spells a changed member's name: asked by every piece that read in it.
        private Dictionary<SyntaxTree, bool>? _treesNaming;

        /// <param name="current">Every tree of the edit's snapshot.</param>
        /// <param name="changedMembers">The names of the members whose declarations the edit changed (added, removed, retyped).</param>
        public EditedCode(HashSet<SyntaxTree> current, HashSet<string> changedMembers, CancellationToken cancellationToken)
        {
            _current = current;
            ChangedMembers = changedMembers;
            _cancellationToken = cancellationToken;
        }

        /// <summary>No edit: a project's first extraction, or one that cannot compare with the snapshot before.</summary>
        public static EditedCode None { get; } = new EditedCode(new HashSet<SyntaxTree>(), new HashSet<string>(), CancellationToken.None);

        public HashSet<string> ChangedMembers { get; }

        /// <summary>Whether the edit changed any file.</summary>
        public bool Any => _byAfter.Count > 0;

        /// <summary>
        /// Records that the edit replaced <paramref name="before"/> by <paramref name="after"/>, changing the text at
        /// <paramref name="changes"/> (as the tree after tells them against the tree before).
        /// </summary>
        /// <param name="declarationsChanged">The edit changed a member's declaration in the file, not only bodies.</param>
        public void Add(SyntaxTree before, SyntaxTree after, IReadOnlyList<TextChangeRange> changes, bool declarationsChanged)
        {
            var changedBefore = new TextSpan[changes.Count];
            var changedAfter = new TextSpan[changes.Count];
            var shift = 0;
            for (var i = 0; i < changes.Count; i++)
            {
                var change = changes[i];
                changedBefore[i] = change.Span;
                changedAfter[i] = new TextSpan(change.Span.Start + shift, change.NewLength);
                shift += change.NewLength - change.Span.Length;
            }

            var edit = new Edit(changedBefore, changedAfter, declarationsChanged);
            _byBefore[before] = edit;
            _byAfter[after] = edit;
        }

        /// <summary>
        /// Whether code this snapshot reads at <paramref name="span"/> of <paramref name="tree"/> is code the edit changed,
        /// or, for a null span, whether the edit changed the declarations of the file.
        /// </summary>
        public bool Changed(SyntaxTree tree, TextSpan? span) =>
            _byAfter.TryGetValue(tree, out var edit) && edit.Touches(span, after: true);

        /// <summary>
        /// Whether code a snapshot before read at <paramref name="span"/> of <paramref name="tree"/> (its own tree) can read
        /// differently now: the tree is gone and is not one this edit replaced (an edit carried over in between replaced it
        /// without telling what it changed), or the edit changed the text there.
        /// </summary>
        public bool Reaches(SyntaxTree tree, TextSpan? span)
        {
            if (_current.Contains(tree)) return false;
            return !_byBefore.TryGetValue(tree, out var edit) || edit.Touches(span, after: false);
        }

        /// <summary>
        /// Whether the code at <paramref name="span"/> of <paramref name="tree"/> names a member the edit changed: it may bind
        /// to another now. A member of a lambda's parameter (<c>o =&gt; o.CustomerId</c>) is left out: the reader takes the
        /// member by its name, as EF Core does, from the declarations of the entity type, whose draft the edit reaches through
        /// them; so is a name where only a type can stand.
        /// </summary>
        public bool NamesChangedMember(SyntaxTree tree, TextSpan span)
        {
            if (ChangedMembers.Count == 0 || !TreeNamesChangedMember(tree)) return false;
            foreach (var token in tree.GetRoot().DescendantTokens(span))
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !span.Contains(token.Span) || !ChangedMembers.Contains(token.ValueText)) continue;
                if (!IsMemberOfLambdaParameter(token) && !StandsForAType(token)) return true;
            }

            return false;
        }

        /// <summary>
        /// Whether the tree spells a changed member's name anywhere, from the identifiers its scan keeps: the tokens of the
        /// places read in it are walked only when it does (walking every piece's did double a 1,000-entity edit).
        /// </summary>
        private bool TreeNamesChangedMember(SyntaxTree tree)
        {
            _treesNaming ??= new Dictionary<SyntaxTree, bool>();
            if (!_treesNaming.TryGetValue(tree, out var names))
                _treesNaming.Add(tree, names = Code.TreeScan.Of(tree, _cancellationToken).NamesAny(tree, ChangedMembers, _cancellationToken));
            return names;
        }

        /// <summary>
        /// The name stands where only a type can (<c>Entity&lt;Order&gt;()</c>, <c>IEntityTypeConfiguration&lt;Order&gt;</c>),
        /// which no member binds: a changed type is an edit that compares with nothing, so only members are asked about here,
        /// and a navigation named like its type (<c>public Order Order</c>) reached every piece naming the type.
        /// </summary>
        private static bool StandsForAType(SyntaxToken token) => token.Parent is SimpleNameSyntax name && SyntaxFacts.IsInTypeOnlyContext(name);

        private static bool IsMemberOfLambdaParameter(SyntaxToken token)
        {
            if (token.Parent is not IdentifierNameSyntax name
                || name.Parent is not MemberAccessExpressionSyntax access
                || access.Name != name
                || access.Expression is not IdentifierNameSyntax receiver)
                return false;
            var parameter = receiver.Identifier.ValueText;
            for (var node = access.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                switch (node)
                {
                    case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == parameter:
                        return true;
                    case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Any(p => p.Identifier.ValueText == parameter):
                        return true;
                }
            }

            return false;
        }

        private sealed class Edit
        {
            private readonly TextSpan[] _changedBefore;
            private readonly TextSpan[] _changedAfter;
            private readonly bool _declarationsChanged;

            public Edit(TextSpan[] changedBefore, TextSpan[] changedAfter, bool declarationsChanged)
            {
                _changedBefore = changedBefore;
                _changedAfter = changedAfter;
                _declarationsChanged = declarationsChanged;
            }

            /// <summary>
            /// A change lies in or against <paramref name="span"/>, or before it and moving it: what a piece read there
            /// carries its places (a Fluent call's, reported with the facts it states), so code moved reads differently. For
            /// a null span, the declarations changed.
            /// </summary>
            public bool Touches(TextSpan? span, bool after)
            {
                if (span is not { } read) return _declarationsChanged;
                var changes = after ? _changedAfter : _changedBefore;
                var shift = 0;
                for (var i = 0; i < changes.Length; i++)
                {
                    var change = changes[i];
                    if (change.End < read.Start)
                    {
                        shift += _changedAfter[i].Length - _changedBefore[i].Length;
                        continue;
                    }

                    if (change.Start <= read.End) return true;
                    break;
                }

                return shift != 0;
            }
        }
    }
}
