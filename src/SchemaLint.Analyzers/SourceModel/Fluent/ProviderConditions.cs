using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Decides provider tests in model-building code (<c>if (Database.IsNpgsql())</c>, <c>Database.ProviderName == "..."</c>)
    /// from the provider the context is configured with; anything else, or an unknown provider, is undecided (null).
    /// </summary>
    internal static class ProviderConditions
    {
        public static bool? Evaluate(ExpressionSyntax condition, DatabaseProvider provider)
        {
            if (provider == DatabaseProvider.Unknown) return null;
            switch (condition)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Evaluate(parenthesized.Expression, provider);
                case PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression):
                    return !Evaluate(negation.Operand, provider);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                {
                    var left = Evaluate(both.Left, provider);
                    var right = Evaluate(both.Right, provider);
                    if (left == false || right == false) return false;
                    return left == true && right == true ? true : null;
                }

                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                {
                    var left = Evaluate(either.Left, provider);
                    var right = Evaluate(either.Right, provider);
                    if (left == true || right == true) return true;
                    return left == false && right == false ? false : null;
                }

                case BinaryExpressionSyntax equals when equals.IsKind(SyntaxKind.EqualsExpression) || equals.IsKind(SyntaxKind.NotEqualsExpression):
                {
                    var name = ProviderNameCompared(equals);
                    if (name is null) return null;
                    var same = ProviderOfName(name) == provider;
                    return equals.IsKind(SyntaxKind.EqualsExpression) ? same : !same;
                }

                case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax access } when IsDatabase(access.Expression):
                    return access.Name.Identifier.ValueText switch
                    {
                        "IsNpgsql" => provider == DatabaseProvider.PostgreSql,
                        "IsSqlServer" => provider == DatabaseProvider.SqlServer,
                        "IsSqlite" => provider == DatabaseProvider.Sqlite,
                        "IsMySql" => provider == DatabaseProvider.MySql,
                        "IsRelational" => true,
                        "IsInMemory" or "IsCosmos" => false,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        /// <summary><c>Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"</c> (either side): the string compared.</summary>
        private static string? ProviderNameCompared(BinaryExpressionSyntax comparison)
        {
            foreach (var (member, other) in new[] { (comparison.Left, comparison.Right), (comparison.Right, comparison.Left) })
            {
                if (member is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ProviderName" } access && IsDatabase(access.Expression)
                    && other is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                    return literal.Token.ValueText;
            }

            return null;
        }

        private static DatabaseProvider ProviderOfName(string name) => name switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" => DatabaseProvider.MySql,
            _ => DatabaseProvider.Unknown,
        };

        private static bool IsDatabase(ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax { Identifier.ValueText: "Database" }
            || expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Database", Expression: ThisExpressionSyntax or IdentifierNameSyntax };
    }
}
