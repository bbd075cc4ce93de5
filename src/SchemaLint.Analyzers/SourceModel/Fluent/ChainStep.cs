using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>One link of a Fluent chain: a call (<c>HasMaxLength(50)</c>) or a property access (<c>.Model</c>).</summary>
    internal sealed class ChainStep
    {
        private ChainStep(string name, SimpleNameSyntax nameSyntax, InvocationExpressionSyntax? invocation, ModelSemantics? semantics)
        {
            Name = name;
            NameSyntax = nameSyntax;
            Invocation = invocation;
            Semantics = semantics;
        }

        /// <summary>Binds the step's arguments (constants) and the method it calls; null where only syntax is available.</summary>
        public ModelSemantics? Semantics { get; }

        public string Name { get; }

        public SimpleNameSyntax NameSyntax { get; }

        public InvocationExpressionSyntax? Invocation { get; }

        public bool IsCall => Invocation is not null;

        // Handed out as the structs Roslyn gives: read through IReadOnlyList, each was boxed once per step on every model edit.
        public SeparatedSyntaxList<TypeSyntax> TypeArguments => NameSyntax is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments : default;

        public SeparatedSyntaxList<ArgumentSyntax> Arguments => Invocation?.ArgumentList.Arguments ?? default;

        /// <summary>Where users see the call: <c>HasMaxLength(50)</c>.</summary>
        public SourceLocation? Location => Invocation is null ? SourceLocations.Of(NameSyntax) : SourceLocations.OfCall(Invocation);

        public ArgumentSyntax? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;

        /// <summary>The argument as a string literal, <c>nameof</c> or string constant; null when it is not one.</summary>
        public string? String(int index) => Fluent.Arguments.String(Argument(index), Semantics);

        /// <summary>The argument as an int literal or constant; null when it is not one.</summary>
        public int? Int(int index) => Fluent.Arguments.Int(Argument(index), Semantics);

        /// <summary>The argument as a bool literal or constant; null when it is not one.</summary>
        public bool? Bool(int index) => Fluent.Arguments.Bool(Argument(index), Semantics);

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
        /// Returns false for shapes that are not a chain on a receiver (a bare call <c>Helper(x)</c>); <c>a?.B()</c> reads as <c>a.B()</c>.
        /// </summary>
        public static bool TryParse(ExpressionSyntax expression, ModelSemantics? semantics, out ExpressionSyntax root, out List<ChainStep> steps)
        {
            steps = new List<ChainStep>();
            var current = expression;
            while (true)
            {
                current = Unwrap(current);
                if (current is InvocationExpressionSyntax invocation && invocation.Expression is MemberAccessExpressionSyntax calledAccess
                    && calledAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                {
                    steps.Add(new ChainStep(calledAccess.Name.Identifier.ValueText, calledAccess.Name, invocation, semantics));
                    current = calledAccess.Expression;
                }
                else if (current is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
                {
                    steps.Add(new ChainStep(access.Name.Identifier.ValueText, access.Name, null, semantics));
                    current = access.Expression;
                }
                else if (current is ConditionalAccessExpressionSyntax conditional && TryParseBound(conditional.WhenNotNull, semantics, steps))
                {
                    // a?.B(): when a is a builder it is never null, so the call runs as a.B() would.
                    current = conditional.Expression;
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

        /// <summary>The part after <c>?</c> (<c>.B().C</c>), outermost step first, down to the member binding it starts with.</summary>
        private static bool TryParseBound(ExpressionSyntax expression, ModelSemantics? semantics, List<ChainStep> steps)
        {
            var bound = new List<ChainStep>();
            var current = expression;
            while (true)
            {
                current = Unwrap(current);
                switch (current)
                {
                    case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } invocation:
                        bound.Add(new ChainStep(binding.Name.Identifier.ValueText, binding.Name, invocation, semantics));
                        steps.AddRange(bound);
                        return true;
                    case MemberBindingExpressionSyntax binding:
                        bound.Add(new ChainStep(binding.Name.Identifier.ValueText, binding.Name, null, semantics));
                        steps.AddRange(bound);
                        return true;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax calledAccess } invocation when calledAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        bound.Add(new ChainStep(calledAccess.Name.Identifier.ValueText, calledAccess.Name, invocation, semantics));
                        current = calledAccess.Expression;
                        continue;
                    case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                        bound.Add(new ChainStep(access.Name.Identifier.ValueText, access.Name, null, semantics));
                        current = access.Expression;
                        continue;
                    default:
                        return false;
                }
            }
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
