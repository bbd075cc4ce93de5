using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Code;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>What an edit inside bodies the extraction never read can change, as far as the code scan can tell.</summary>
    internal sealed class EditedTree
    {
        private EditedTree(Dictionary<SyntaxNode, string?> owners, HashSet<string> membersToAskAgain, int firstChange)
        {
            Owners = owners;
            MembersToAskAgain = membersToAskAgain;
            FirstChange = firstChange;
        }

        /// <summary>Where the first changed body starts in the tree before the edit: all text before it is the same after.</summary>
        public int FirstChange { get; }

        /// <summary>The known owners of the new tree's writes that lie outside the changed bodies (the same text binds the same way).</summary>
        public Dictionary<SyntaxNode, string?> Owners { get; }

        /// <summary>Members whose writes or mentions the edit changed: the questions about them must be asked again.</summary>
        public HashSet<string> MembersToAskAgain { get; }

        /// <summary>
        /// Compares the tree before and after an edit that changed only the bodies at <paramref name="changedBefore"/>, now at
        /// <paramref name="changedAfter"/> (as <see cref="BodyEdits"/> finds them); null when the edit changes what the whole
        /// compilation's scan knows apart from per-member answers (untraceable writes, registrations).
        /// </summary>
        public static EditedTree? Compare(SyntaxTree before, SyntaxTree after, List<TextSpan> changedBefore, List<TextSpan> changedAfter, ExtractionFootprint footprint,
            CancellationToken cancellationToken)
        {
            var old = TreeScan.Of(before, cancellationToken);
            var edited = TreeScan.Of(after, cancellationToken);
            if (old.IsGenerated != edited.IsGenerated || old.HasUntraceableWrites != edited.HasUntraceableWrites) return null;
            foreach (var context in footprint.Contexts)
            {
                old.Registrations.TryGetValue(context, out var registeredBefore);
                edited.Registrations.TryGetValue(context, out var registeredAfter);
                if (!(registeredBefore ?? new HashSet<Core.Model.DatabaseProvider>()).SetEquals(registeredAfter ?? new HashSet<Core.Model.DatabaseProvider>())) return null;
            }

            var owners = new Dictionary<SyntaxNode, string?>();
            var askAgain = new HashSet<string>(System.StringComparer.Ordinal);

            // Only names the tree writes or mentions, before or after, can have changed: walking every member the model asked
            // about instead made each keystroke cost in proportion to the model.
            foreach (var member in NamesIn(old).Union(NamesIn(edited)))
            {
                if (!footprint.AskedAbout(member)) continue;
                var oldWrites = WritesOf(old, member);
                var newWrites = WritesOf(edited, member);
                var oldOutside = oldWrites.Where(w => !Inside(w, changedBefore)).ToList();
                var newOutside = newWrites.Where(w => !Inside(w, changedAfter)).ToList();
                if (oldOutside.Count != newOutside.Count) return null;
                for (var i = 0; i < oldOutside.Count; i++)
                {
                    if (oldOutside[i].Target is { } oldTarget && newOutside[i].Target is { } newTarget && footprint.TryGetWriteOwner(oldTarget, out var owner))
                        owners[newTarget] = owner;
                }

                if (oldWrites.Count != oldOutside.Count || newWrites.Count != newOutside.Count
                    || old.Assigned.Contains(member) != edited.Assigned.Contains(member)
                    || old.Updated.Contains(member) != edited.Updated.Contains(member)
                    || old.Mentioned.Contains(member) != edited.Mentioned.Contains(member))
                    askAgain.Add(member);
            }

            return new EditedTree(owners, askAgain, changedBefore.Count == 0 ? int.MaxValue : changedBefore.Min(span => span.Start));
        }

        private static IEnumerable<string> NamesIn(TreeScan scan) => scan.Writes.Keys.Concat(scan.Assigned).Concat(scan.Updated).Concat(scan.Mentioned);

        private static List<TreeWrite> WritesOf(TreeScan scan, string member) =>
            scan.Writes.TryGetValue(member, out var writes) ? writes : new List<TreeWrite>();

        /// <summary>A write by name only has no place; it counts as changed, so that its member is asked about again.</summary>
        private static bool Inside(TreeWrite write, List<TextSpan> spans) => write.Target is not { } target || spans.Any(s => s.Contains(target.Span));
    }
}
