using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// The code scan's answers of the snapshot before a model edit that the edit cannot have changed, so that the extraction
    /// after it takes them instead of asking again (at 1,000 entity types about 3,900 questions per model edit, nearly all
    /// about entity types the edit left alone).
    /// </summary>
    /// <remarks>
    /// An answer about a member name follows from the writes of that name (each one's kind and the type it binds to), the
    /// places that mention it, whether any file writes in ways no name tells, and the types whose members are the entity
    /// type's own. The last is unchanged whenever a model edit is compared file by file (no type header, using or type
    /// changed: <see cref="ExtractionFootprint.EditedTrees"/>); the others can change only through:
    /// <list type="bullet">
    /// <item>an edited file, where a name's answers stay the same when the file, before and after the edit, assigns, updates
    /// and mentions it alike and its writes bind to the same types in the same ways (the old file's bindings are the snapshot
    /// before's; the new file's are bound here, once, and recorded for the extraction's code scan; only the names the
    /// snapshot before asked about are compared, since no other has an answer to take over);</item>
    /// <item>a write elsewhere that the seeding bound again, because the member around it names a declaration the edit
    /// changed.</item>
    /// </list>
    /// Every name either touches is asked again; so is every name when an edited file starts or stops writing in ways no name
    /// tells, or when a write's name or the snapshot before's binding of it cannot be told.
    /// </remarks>
    internal sealed class UnchangedAnswers
    {
        private readonly ExtractionFootprint _before;
        private readonly HashSet<string> _askAgain;

        private UnchangedAnswers(ExtractionFootprint before, HashSet<string> askAgain)
        {
            _before = before;
            _askAgain = askAgain;
        }

        /// <summary>
        /// Set by the test suites: every answer taken over is asked again as well, and one that differs fails the extraction,
        /// so that every edit the suites make checks what this class assumes.
        /// </summary>
        internal static bool CheckEveryAnswerTakenOver { get; set; }

        /// <summary>The snapshot before's answer to <paramref name="question"/>, when the edit cannot have changed it and that snapshot asked it.</summary>
        public bool TryGet(CodeQuestion question, out Fact<bool> answer)
        {
            answer = default;
            return !_askAgain.Contains(question.Member) && _before.TryGetAnswer(question, out answer);
        }

        /// <summary>
        /// What a model edit leaves of the answers of <paramref name="before"/>; null when it can leave none.
        /// </summary>
        /// <param name="edited">Each edited file, as the snapshot before had it and as it is now.</param>
        /// <param name="reboundNames">The names of the writes in unedited files whose bindings the seeding did not take over; null when one could not be told.</param>
        /// <param name="after">The extraction's footprint, where the bindings of the edited files' writes made here are recorded.</param>
        public static UnchangedAnswers? After(
            ExtractionFootprint before,
            IReadOnlyList<(SyntaxTree Before, SyntaxTree After)> edited,
            HashSet<string>? reboundNames,
            Compilation compilation,
            ExtractionFootprint after,
            CancellationToken cancellationToken)
        {
            if (reboundNames is null) return null;
            var askAgain = new HashSet<string>(reboundNames, StringComparer.Ordinal);
            foreach (var (treeBefore, treeAfter) in edited)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scanBefore = TreeScan.Of(treeBefore, cancellationToken);
                var scanAfter = TreeScan.Of(treeAfter, cancellationToken);
                if (scanBefore.IsGenerated != scanAfter.IsGenerated || scanBefore.HasUntraceableWrites != scanAfter.HasUntraceableWrites) return null;
                if (scanBefore.IsGenerated) continue;

                SemanticModel? model = null;
                string? OwnerAfter(SyntaxNode target)
                {
                    if (after.TryGetWriteOwner(target, out var known)) return known;
                    model ??= compilation.GetSemanticModel(treeAfter);
                    var owner = CodeScan.BindOwner(target, model);
                    after.BoundWrite(target, owner);
                    return owner;
                }

                string? OwnerBefore(SyntaxNode target) => before.TryGetWriteOwner(target, out var owner) ? owner ?? Unbound : null;

                foreach (var name in NamesIn(scanBefore, scanAfter))
                {
                    // A name the snapshot before never asked about has no answer to take over: its writes need not be bound here.
                    if (!before.AskedAbout(name)) continue;
                    if (!SaysTheSame(scanBefore, scanAfter, name, OwnerBefore, target => OwnerAfter(target) ?? Unbound)) askAgain.Add(name);
                }
            }

            return new UnchangedAnswers(before, askAgain);
        }

        /// <summary>The name a write target writes (<c>CreatedAt</c> in <c>order.CreatedAt</c>); null when it is none the scan records.</summary>
        public static string? NameOfTarget(SyntaxNode target) => target switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            ParameterSyntax parameter => parameter.Identifier.ValueText,
            _ => null,
        };

        /// <summary>Marks a write that binds to no member, apart from a binding the snapshot before never made (null).</summary>
        private const string Unbound = "\0";

        private static HashSet<string> NamesIn(TreeScan before, TreeScan after)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scan in new[] { before, after })
            {
                names.UnionWith(scan.Assigned);
                names.UnionWith(scan.Updated);
                names.UnionWith(scan.Mentioned);
                names.UnionWith(scan.Writes.Keys);
            }

            return names;
        }

        /// <summary>Whether the two versions of a file say the same of <paramref name="name"/> to every question about it.</summary>
        private static bool SaysTheSame(TreeScan before, TreeScan after, string name, Func<SyntaxNode, string?> ownerBefore, Func<SyntaxNode, string?> ownerAfter)
        {
            if (before.Assigns(name) != after.Assigns(name) || before.Updates(name) != after.Updates(name) || before.Mentions(name) != after.Mentions(name)) return false;

            var factsBefore = WriteFacts(before, name, ownerBefore);
            return factsBefore is not null && factsBefore.SetEquals(WriteFacts(after, name, ownerAfter)!);
        }

        /// <summary>
        /// What the file's writes of the name tell an answer: for each, whether it is made on creation only, and the type it
        /// binds to, or that it names the member by a string, or that it binds to none. Null when a binding is not known.
        /// </summary>
        private static HashSet<string>? WriteFacts(TreeScan scan, string name, Func<SyntaxNode, string?> ownerOf)
        {
            var facts = new HashSet<string>(StringComparer.Ordinal);
            if (!scan.Writes.TryGetValue(name, out var writes)) return facts;
            foreach (var write in writes)
            {
                string owner;
                if (write.Target is null) owner = "*";
                else if (ownerOf(write.Target) is { } bound) owner = bound;
                else return null;
                facts.Add((write.CreationOnly ? "c|" : "u|") + owner);
            }

            return facts;
        }
    }
}
