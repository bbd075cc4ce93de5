using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.CodeFixes.Configuration
{
    /// <summary>Finds how an entity type is configured, by reading the project's source the way a developer would search it.</summary>
    internal static class ConfigurationLocator
    {
        /// <summary>The entity type named as EF Core names it (full CLR name, nested types with dots), or null.</summary>
        public static INamedTypeSymbol? ResolveEntityType(Compilation compilation, string? entityName)
        {
            if (string.IsNullOrEmpty(entityName) || entityName!.IndexOf('#') >= 0) return null;
            var metadataName = entityName;
            while (true)
            {
                var type = compilation.GetTypeByMetadataName(metadataName);
                if (type is not null) return type;

                // Nested types: EF Core writes Outer.Inner, metadata Outer+Inner; try the dots from the right.
                var dot = metadataName.LastIndexOf('.');
                if (dot < 0) return null;
                metadataName = metadataName.Substring(0, dot) + "+" + metadataName.Substring(dot + 1);
            }
        }

        public static async Task<EntityConfiguration?> FindAsync(Project project, string? entityName, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null) return null;
            var ef = EfTypes.From(compilation);
            var type = ResolveEntityType(compilation, entityName);
            if (ef is null || type is null || type.DeclaringSyntaxReferences.Length == 0) return null;

            var blocks = new List<FluentBlock>();
            var calls = new List<BuilderCall>();
            var owned = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Microsoft.EntityFrameworkCore.OwnedAttribute");
            foreach (var document in project.Documents)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                if (tree is null) continue;
                var text = (await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                var namesType = text.IndexOf(type.Name, StringComparison.Ordinal) >= 0;

                // OwnsMany(o => o.Lines) need not name the owned type: any file that owns something is read for it.
                var owns = !owned && (text.IndexOf("OwnsOne", StringComparison.Ordinal) >= 0 || text.IndexOf("OwnsMany", StringComparison.Ordinal) >= 0);
                if (!namesType && !owns) continue;
                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var model = compilation.GetSemanticModel(tree);
                if (namesType) Scan(document.Id, root, model, ef, type, blocks, calls, cancellationToken);
                if (owns) owned = OwnsType(root, model, type, cancellationToken);
            }

            return new EntityConfiguration(type, blocks, calls, UsesAnnotations(type), owned);
        }

        private static bool OwnsType(SyntaxNode root, SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken) =>
            root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => MethodName(i) is "OwnsOne" or "OwnsMany")
                .Any(i => model.GetSymbolInfo(i, cancellationToken).Symbol is IMethodSymbol method
                    && method.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, type.OriginalDefinition)));

        private static void Scan(DocumentId document, SyntaxNode root, SemanticModel model, EfTypes ef, INamedTypeSymbol type, List<FluentBlock> blocks, List<BuilderCall> calls, CancellationToken cancellationToken)
        {
            foreach (var node in root.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case MethodDeclarationSyntax { Identifier.ValueText: "Configure", ParameterList.Parameters.Count: 1 } method:
                        var parameter = model.GetDeclaredSymbol(method.ParameterList.Parameters[0], cancellationToken);
                        if (parameter is not null && ef.IsEntityTypeBuilderOf(parameter.Type, type) && (method.Body is not null || method.ExpressionBody is not null))
                            blocks.Add(new FluentBlock(document, FluentBlockKind.ConfigurationClass, method, parameter.Name));
                        break;

                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                        if (access.Name is GenericNameSyntax { Identifier.ValueText: "Entity", TypeArgumentList.Arguments.Count: 1 }
                            && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol entityMethod
                            && SymbolEqualityComparer.Default.Equals(entityMethod.ContainingType, ef.ModelBuilder)
                            && entityMethod.TypeArguments.Length == 1
                            && SymbolEqualityComparer.Default.Equals(entityMethod.TypeArguments[0].OriginalDefinition, type.OriginalDefinition))
                        {
                            var block = EntityBlock(document, invocation, entityMethod);
                            if (block is not null) blocks.Add(block);
                        }
                        else if (ef.IsEntityTypeBuilderOf(model.GetTypeInfo(access.Expression, cancellationToken).Type, type))
                        {
                            calls.Add(new BuilderCall(document, invocation, access.Name.Identifier.ValueText));
                        }

                        break;
                }
            }
        }

        private static FluentBlock? EntityBlock(DocumentId document, InvocationExpressionSyntax invocation, IMethodSymbol method)
        {
            if (invocation.ArgumentList.Arguments.Count == 1)
            {
                return invocation.ArgumentList.Arguments[0].Expression switch
                {
                    SimpleLambdaExpressionSyntax lambda => new FluentBlock(document, FluentBlockKind.EntityLambda, lambda, lambda.Parameter.Identifier.ValueText),
                    ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } lambda =>
                        new FluentBlock(document, FluentBlockKind.EntityLambda, lambda, lambda.ParameterList.Parameters[0].Identifier.ValueText),
                    _ => null,
                };
            }

            if (method.Parameters.Length != 0) return null;
            if (invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration && declaration.Parent is BlockSyntax)
                return new FluentBlock(document, FluentBlockKind.EntityVariable, declaration, declarator.Identifier.ValueText);

            var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is ExpressionStatementSyntax && statement.Parent is BlockSyntax && ChainRoot(invocation) == statement.ChildNodes().First())
                return new FluentBlock(document, FluentBlockKind.EntityStatement, statement, invocation.WithoutTrivia().ToString());
            return null;
        }

        /// <summary>The outermost call of the chain <paramref name="call"/> is part of: <c>a.B().C()</c> for <c>a.B()</c>.</summary>
        public static ExpressionSyntax ChainRoot(ExpressionSyntax call)
        {
            ExpressionSyntax current = call;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
                current = outer;
            return current;
        }

        /// <summary>The calls of the chain after <paramref name="call"/>, nearest first.</summary>
        public static IEnumerable<InvocationExpressionSyntax> ChainedCalls(ExpressionSyntax call)
        {
            ExpressionSyntax current = call;
            while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax outer)
            {
                yield return outer;
                current = outer;
            }
        }

        public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The member names a builder call's arguments name: <c>e =&gt; e.Email</c>, <c>e =&gt; new { e.A, e.B }</c>, <c>"Email"</c>, <c>nameof(User.Email)</c>.</summary>
        public static IReadOnlyList<string> MemberNames(InvocationExpressionSyntax invocation)
        {
            var names = new List<string>();
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                switch (argument.Expression)
                {
                    case SimpleLambdaExpressionSyntax { Body: ExpressionSyntax body }:
                        names.AddRange(LambdaMembers(body));
                        break;
                    case ParenthesizedLambdaExpressionSyntax { Body: ExpressionSyntax body }:
                        names.AddRange(LambdaMembers(body));
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        names.Add(literal.Token.ValueText);
                        break;
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf when nameOf.ArgumentList.Arguments.Count == 1:
                        names.Add(LastName(nameOf.ArgumentList.Arguments[0].Expression));
                        break;
                    default:
                        return Array.Empty<string>();
                }
            }

            return names;
        }

        private static IEnumerable<string> LambdaMembers(ExpressionSyntax body) => body switch
        {
            MemberAccessExpressionSyntax access => new[] { access.Name.Identifier.ValueText },
            AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers.Select(i => LastName(i.Expression)),
            _ => Array.Empty<string>(),
        };

        private static string LastName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => expression.ToString(),
        };

        private static bool UsesAnnotations(INamedTypeSymbol type)
        {
            if (type.GetAttributes().Any(IsModelAttribute)) return true;
            return type.GetMembers().Any(m => m is IPropertySymbol && m.GetAttributes().Any(IsModelAttribute));
        }

        private static bool IsModelAttribute(AttributeData attribute)
        {
            var ns = attribute.AttributeClass?.ContainingNamespace?.ToDisplayString();
            return ns == "System.ComponentModel.DataAnnotations" || ns == "System.ComponentModel.DataAnnotations.Schema" || ns == "Microsoft.EntityFrameworkCore";
        }
    }
}
