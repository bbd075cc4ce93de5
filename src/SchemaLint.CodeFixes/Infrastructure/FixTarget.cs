using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SchemaLint.CodeFixes.Infrastructure
{
    /// <summary>
    /// What a fix works on: the diagnostic's facts (rule, entity, member, the rule's properties) and the node it was reported on,
    /// in the solution as it is now. Fix All rebuilds it after earlier fixes changed the solution, so fixes never read the
    /// diagnostic's own location, which belongs to the solution before any fix.
    /// </summary>
    internal sealed class FixTarget
    {
        public FixTarget(Document document, SyntaxNode node, Diagnostic diagnostic)
        {
            Document = document;
            Node = node;
            Diagnostic = diagnostic;
        }

        public Document Document { get; }

        public Solution Solution => Document.Project.Solution;

        /// <summary>The innermost node that contains the diagnostic's span.</summary>
        public SyntaxNode Node { get; }

        public Diagnostic Diagnostic { get; }

        public string RuleId => Diagnostic.Id;

        /// <summary>The entity type's full name as EF Core names it, when the finding is about one.</summary>
        public string? EntityName => Property(DiagnosticKeys.Entity);

        /// <summary>The property, navigation or index the finding is about.</summary>
        public string? MemberName => Property(DiagnosticKeys.Member);

        public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

        public ImmutableDictionary<string, string?> Properties => Diagnostic.Properties;
    }

    /// <summary>
    /// The keys the analyzers add to every diagnostic besides the rule's own (SchemaLint.Analyzers' FindingDiagnostics, which is
    /// internal to that assembly); a test checks that diagnostics carry them.
    /// </summary>
    internal static class DiagnosticKeys
    {
        public const string Entity = "SchemaLint.Entity";
        public const string Member = "SchemaLint.Member";
    }
}
