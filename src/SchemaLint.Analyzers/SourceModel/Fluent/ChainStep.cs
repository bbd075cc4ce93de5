using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>One link of a Fluent chain: a call (<c>HasMaxLength(50)</c>) or a property access (<c>.Model</c>).</summary>
    internal sealed class ChainStep
    {
        private ChainStep(string name, SimpleNameSyntax nameSyntax, InvocationExpressionSyntax? invocation)
        {
            Name = name;
            NameSyntax = nameSyntax;
            Invocation = invocation;
        }

        public string Name { get; }

        public SimpleNameSyntax NameSyntax { get; }

        public InvocationExpressionSyntax? Invocation { get; }

        public bool IsCall => Invocation is not null;

        public IReadOnlyList<TypeSyntax> TypeArguments =>
            NameSyntax is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : (IReadOnlyList<TypeSyntax>)System.Array.Empty<TypeSyntax>();

        public IReadOnlyList<ArgumentSyntax> Arguments =>
            Invocation is null ? (IReadOnlyList<ArgumentSyntax>)System.Array.Empty<ArgumentSyntax>() : Invocation.ArgumentList.Arguments;

        /// <summary>Where users see the call: <c>HasMaxLength(50)</c>.</summary>
        public SourceLocation? Location => Invocation is null ? SourceLocations.Of(NameSyntax) : SourceLocations.OfCall(Invocation);

        public ArgumentSyntax? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;

        /// <summary>The argument passed by name (<c>stored: true</c>), or null.</summary>
        public ArgumentSyntax? NamedArgument(string name)
        {
            foreach (var argument in Arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == name) return argument;
            }

            return null;
        }

        /// <summary>
        /// Splits <c>root.A(...).B.C(...)</c> into its root expression and steps, innermost first.
        /// Returns false for shapes that are not a chain on a receiver (a bare call <c>Helper(x)</c>, conditional access).
        /// </summary>
        public static bool TryParse(ExpressionSyntax expression, out ExpressionSyntax root, out List<ChainStep> steps)
        {
            steps = new List<ChainStep>();
            var current = expression;
            while (true)
            {
                current = Unwrap(current);
                if (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax calledAccess
                    && calledAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                {
                    steps.Add(new ChainStep(calledAccess.Name.Identifier.ValueText, calledAccess.Name, invocation));
                    current = calledAccess.Expression;
                }
                else if (current is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                {
                    steps.Add(new ChainStep(access.Name.Identifier.ValueText, access.Name, null));
                    current = access.Expression;
                }
                else
                {
                    break;
                }
            }

            steps.Reverse();
            root = current;
            return steps.Count > 0 && (current is IdentifierNameSyntax || current is ThisExpressionSyntax || current is BaseExpressionSyntax);
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = bang.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }
    }
}
