using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Configuration;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>Edits Fluent API chains: appends a call the way the chain is laid out (one line, or one call per line).</summary>
    internal static class ChainEditor
    {
        /// <summary>Appends <c>.Method(arguments)</c> to the end of the chain <paramref name="call"/> belongs to.</summary>
        public static SyntaxNode Append(SyntaxNode root, InvocationExpressionSyntax call, string method, string arguments)
        {
            var top = ConfigurationLocator.ChainRoot(call);
            var lastDot = top is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.OperatorToken : default;
            var onOwnLine = lastDot.RawKind != 0 && lastDot.GetPreviousToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);

            var receiver = top.WithoutTrailingTrivia();
            var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
            if (onOwnLine)
            {
                receiver = receiver.WithTrailingTrivia(Layout.EndOfLine(root));
                dot = dot.WithLeadingTrivia(lastDot.LeadingTrivia);
            }

            var appended = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, SyntaxFactory.IdentifierName(method)),
                    SyntaxFactory.ParseArgumentList("(" + arguments + ")"))
                .WithTrailingTrivia(top.GetTrailingTrivia());
            return root.ReplaceNode(top, appended);
        }

        /// <summary>Removes one call from a chain (<c>a.B().C()</c> without <c>B</c> is <c>a.C()</c>).</summary>
        public static SyntaxNode RemoveCall(SyntaxNode root, InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax access) return root;
            var receiver = access.Expression;
            return root.ReplaceNode(call, receiver.WithTrailingTrivia(call.GetTrailingTrivia()));
        }
    }
}
