using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Discovery;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Reads Fluent arguments: literals, <c>nameof</c>, member lambdas, and (given the semantic model) any compile-time
    /// constant such as <c>Limits.NameLength</c>. Anything else is "cannot tell" (null).
    /// </summary>
    internal static class Arguments
    {
        public static string? String(ArgumentSyntax? argument, ModelSemantics? semantics = null) => argument is null ? null : String(argument.Expression, semantics);

        public static string? String(ExpressionSyntax expression, ModelSemantics? semantics = null)
        {
            expression = Strip(expression);
            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)) return literal.Token.ValueText;
            if (expression is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                && nameOf.ArgumentList.Arguments.Count == 1)
            {
                var target = nameOf.ArgumentList.Arguments[0].Expression;
                var named = target switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (named is not null) return named;
            }

            return semantics is not null && !expression.IsKind(SyntaxKind.NullLiteralExpression) && semantics.Constant(expression) is { HasValue: true, Value: string constant }
                ? constant
                : null;
        }

        public static bool IsNullLiteral(ArgumentSyntax? argument) => argument is not null && Strip(argument.Expression).IsKind(SyntaxKind.NullLiteralExpression);

        public static int? Int(ArgumentSyntax? argument, ModelSemantics? semantics = null)
        {
            if (argument is null) return null;
            // A literal is read from its token: asking the semantic model for its value would bind the whole method
            // body around it, which after an edit is most of what reading an unchanged configuration class costs.
            var expression = Strip(argument.Expression);
            var literalValue = IntLiteral(expression);
            if (literalValue is not null) return literalValue;
            return semantics is not null && semantics.Constant(expression) is { HasValue: true, Value: int constant } ? constant : null;
        }

        private static int? IntLiteral(ExpressionSyntax expression)
        {
            var negative = false;
            if (expression is PrefixUnaryExpressionSyntax minus && minus.IsKind(SyntaxKind.UnaryMinusExpression))
            {
                negative = true;
                expression = Strip(minus.Operand);
            }

            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression)
                && int.TryParse(literal.Token.ValueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return negative ? -value : value;
            return null;
        }

        public static bool? Bool(ArgumentSyntax? argument, ModelSemantics? semantics = null)
        {
            if (argument is null) return null;
            var expression = Strip(argument.Expression);
            if (expression.IsKind(SyntaxKind.TrueLiteralExpression)) return true;
            if (expression.IsKind(SyntaxKind.FalseLiteralExpression)) return false;
            return semantics is not null && semantics.Constant(expression) is { HasValue: true, Value: bool constant } ? constant : null;
        }

        /// <summary>The member an enum argument names (<c>DeleteBehavior.Cascade</c> gives "Cascade").</summary>
        public static string? EnumMember(ArgumentSyntax? argument, string enumName)
        {
            if (argument is null) return null;
            var expression = Strip(argument.Expression);
            if (expression is MemberAccessExpressionSyntax access)
            {
                var owner = access.Expression.ToString();
                if (owner == enumName || owner.EndsWith("." + enumName, System.StringComparison.Ordinal)) return access.Name.Identifier.ValueText;
            }

            return null;
        }

        /// <summary>
        /// Member names a property-selecting argument names: <c>e =&gt; e.X</c>, <c>e =&gt; new { e.A, e.B }</c>,
        /// <c>"X"</c>, <c>nameof(T.X)</c>. Null when the argument is anything else (nested members, variables, casts to other members).
        /// </summary>
        public static List<string>? MemberNames(ArgumentSyntax? argument)
        {
            if (argument is null) return null;
            var text = String(argument);
            if (text is not null) return IsName(text) ? new List<string> { text } : null;
            if (!TryLambda(argument.Expression, out var parameter, out var body) || body is not ExpressionSyntax expression) return null;
            expression = Strip(expression);
            if (expression is AnonymousObjectCreationExpressionSyntax anonymous)
            {
                var names = new List<string>();
                foreach (var member in anonymous.Initializers)
                {
                    var name = DirectMember(member.Expression, parameter);
                    if (name is null) return null;
                    names.Add(name);
                }

                return names.Count > 0 ? names : null;
            }

            var single = DirectMember(expression, parameter);
            return single is null ? null : new List<string> { single };
        }

        /// <summary>Names from several arguments that are each a string (<c>HasKey("A", "B")</c>) or one selector lambda.</summary>
        public static List<string>? MemberNames(SeparatedSyntaxList<ArgumentSyntax> arguments)
        {
            if (arguments.Count == 0) return null;
            if (arguments.Count == 1) return MemberNames(arguments[0]);
            var names = new List<string>();
            foreach (var argument in arguments)
            {
                if (argument.NameColon is not null) continue;
                var name = String(argument);
                if (name is null || !IsName(name)) return null;
                names.Add(name);
            }

            return names.Count > 0 ? names : null;
        }

        /// <summary>A name EF Core would accept; an empty or blank one (or one still being typed) names nothing.</summary>
        public static bool IsName(string? text) => !string.IsNullOrWhiteSpace(text);

        public static bool TryLambda(ExpressionSyntax expression, out string parameter, out CSharpSyntaxNode body)
        {
            switch (Strip(expression))
            {
                case SimpleLambdaExpressionSyntax simple:
                    parameter = simple.Parameter.Identifier.ValueText;
                    body = simple.Body;
                    return true;
                case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Count == 1:
                    parameter = parenthesized.ParameterList.Parameters[0].Identifier.ValueText;
                    body = parenthesized.Body;
                    return true;
                default:
                    parameter = string.Empty;
                    body = null!;
                    return false;
            }
        }

        public static bool IsLambda(ArgumentSyntax? argument) => argument is not null && TryLambda(argument.Expression, out _, out _);

        /// <summary>The type a member lambda casts its member to (<c>e =&gt; (Show?)e.Series</c> gives <c>Show?</c>), or null.</summary>
        public static TypeSyntax? CastType(ArgumentSyntax? argument)
        {
            if (argument is null || !TryLambda(argument.Expression, out _, out var body) || body is not ExpressionSyntax expression) return null;
            return Strip(expression) is CastExpressionSyntax cast ? cast.Type : null;
        }

        private static string? DirectMember(ExpressionSyntax expression, string parameter)
        {
            expression = Strip(expression);
            if (expression is CastExpressionSyntax cast) expression = Strip(cast.Expression);
            return expression is MemberAccessExpressionSyntax access && Strip(access.Expression) is IdentifierNameSyntax root && root.Identifier.ValueText == parameter
                ? access.Name.Identifier.ValueText
                : null;
        }

        private static ExpressionSyntax Strip(ExpressionSyntax expression)
        {
            while (true)
            {
                if (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
                else if (expression is PostfixUnaryExpressionSyntax bang && bang.IsKind(SyntaxKind.SuppressNullableWarningExpression)) expression = bang.Operand;
                else return expression;
            }
        }

        public static IEnumerable<IdentifierNameSyntax> Identifiers(SyntaxNode node) => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>();
    }
}
