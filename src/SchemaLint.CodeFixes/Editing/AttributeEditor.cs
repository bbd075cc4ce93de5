using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>Adds and removes attributes, one per line, as entity classes are usually written.</summary>
    internal static class AttributeEditor
    {
        public static AttributeListSyntax ParseList(string attribute)
        {
            var unit = SyntaxFactory.ParseCompilationUnit("[" + attribute + "] class C { }");
            return ((ClassDeclarationSyntax)unit.Members[0]).AttributeLists[0].WithoutTrivia();
        }

        /// <summary>The member with <c>[attribute]</c> on its own line after its other attributes.</summary>
        public static MemberDeclarationSyntax Add(MemberDeclarationSyntax member, string attribute, SyntaxTrivia endOfLine)
        {
            var indent = Layout.IndentationOf(member);
            var list = ParseList(attribute);
            if (member.AttributeLists.Count > 0)
            {
                list = list.WithLeadingTrivia(Layout.Indent(indent)).WithTrailingTrivia(endOfLine);
                return member.WithAttributeLists(member.AttributeLists.Add(list));
            }

            // The member's leading trivia (blank lines, comments, documentation) goes in front of the attribute.
            var first = member.GetFirstToken();
            var leading = first.LeadingTrivia;
            member = member.ReplaceToken(first, first.WithLeadingTrivia(Layout.Indent(indent)));
            return member.WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)));
        }

        /// <summary>Removes one attribute; its list goes with it when it was the only one there.</summary>
        public static SyntaxNode Remove(SyntaxNode root, AttributeSyntax attribute)
        {
            if (attribute.Parent is not AttributeListSyntax list) return root;
            if (list.Attributes.Count > 1) return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));

            // Keep what stood in front of the list (comments, blank lines) in front of what follows it.
            var next = list.GetLastToken().GetNextToken();
            var leading = list.GetLeadingTrivia();
            var tracked = root.TrackNodes(list);
            var nextReplaced = tracked.ReplaceToken(tracked.FindToken(next.SpanStart), tracked.FindToken(next.SpanStart).WithLeadingTrivia(leading));
            var currentList = nextReplaced.GetCurrentNode(list)!;
            return nextReplaced.RemoveNode(currentList, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
    }
}
