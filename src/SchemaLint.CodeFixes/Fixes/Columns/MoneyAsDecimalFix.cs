using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Columns
{
    /// <summary>
    /// SL2001: the money property becomes <c>decimal</c> with precision (18, 2). Code that wrote floating-point values into it
    /// keeps compiling: literals get the <c>m</c> suffix, other double values an explicit conversion, and reads that fed a
    /// double convert back explicitly.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoneyAsDecimalFix)), Shared]
    public sealed class MoneyAsDecimalFix : SchemaLintCodeFix
    {
        public const string UseDecimal = "SL2001.UseDecimal";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MoneyAsFloatingPoint);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(await PropertyAsync(target.Document.Project, target.EntityName, target.MemberName, cancellationToken).ConfigureAwait(false) is { } p && IsFloating(p.Type),
                "Store as decimal(18, 2)", UseDecimal);

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var projectId = target.Document.Project.Id;
            var solution = await RewriteUsesAsync(target.Solution, projectId, target.EntityName!, target.MemberName!, cancellationToken).ConfigureAwait(false);
            solution = await ChangeTypeAsync(solution, projectId, target.EntityName!, target.MemberName!, cancellationToken).ConfigureAwait(false);
            return await Precision.AddAsync(solution, projectId, target.EntityName!, target.MemberName!, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<IPropertySymbol?> PropertyAsync(Project project, string? entity, string? member, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, entity);
            var property = type is null || member is null ? null : SymbolLookup.FindProperty(type, member);
            return property is not null && property.DeclaringSyntaxReferences.Length > 0 ? property : null;
        }

        private static bool IsFloating(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
            return type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;
        }

        /// <summary>Every write of a floating-point value into the property, and every read that needs a double, made to fit a decimal.</summary>
        private static async Task<Solution> RewriteUsesAsync(Solution solution, ProjectId projectId, string entity, string member, CancellationToken cancellationToken)
        {
            var property = await PropertyAsync(solution.GetProject(projectId)!, entity, member, cancellationToken).ConfigureAwait(false);
            if (property is null) return solution;
            var references = await SymbolFinder.FindReferencesAsync(property, solution, cancellationToken).ConfigureAwait(false);
            var locations = references.SelectMany(r => r.Locations).Where(l => !l.IsImplicit).GroupBy(l => l.Document.Id).ToList();

            var declaration = (PropertyDeclarationSyntax)await property.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var declarationDocument = solution.GetDocument(declaration.SyntaxTree)!.Id;
            var edits = new Dictionary<DocumentId, List<ExpressionSyntax>>();
            if (declaration.Initializer is not null) Add(edits, declarationDocument, declaration.Initializer.Value);

            var readsToDouble = new Dictionary<DocumentId, List<ExpressionSyntax>>();
            foreach (var group in locations)
            {
                var document = solution.GetDocument(group.Key)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                foreach (var location in group)
                {
                    var name = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    var use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : (ExpressionSyntax)name;
                    switch (use.Parent)
                    {
                        case AssignmentExpressionSyntax assignment when assignment.Left == use:
                            Add(edits, group.Key, assignment.Right);
                            break;
                        case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } initializer when initializer.Left == name:
                            Add(edits, group.Key, initializer.Right);
                            break;
                        case BinaryExpressionSyntax binary:
                            var other = binary.Left == use ? binary.Right : binary.Left;
                            if (IsFloating(model.GetTypeInfo(other, cancellationToken).Type)) Add(edits, group.Key, other);
                            break;
                        case LambdaExpressionSyntax:
                            break;
                        default:
                            if (NeedsDouble(use, model, cancellationToken)) Add(readsToDouble, group.Key, use);
                            break;
                    }
                }
            }

            // The default value in the property's Fluent chain (HasDefaultValue(0.0)) is a write too.
            foreach (var group in locations)
            {
                var document = solution.GetDocument(group.Key)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                foreach (var location in group)
                {
                    var lambda = root.FindNode(location.Location.SourceSpan).FirstAncestorOrSelf<LambdaExpressionSyntax>();
                    if (lambda?.Parent?.Parent?.Parent is not InvocationExpressionSyntax call || ConfigurationLocator.MethodName(call) != "Property") continue;
                    foreach (var chained in ConfigurationLocator.ChainedCalls(call).Where(c => ConfigurationLocator.MethodName(c) == "HasDefaultValue" && c.ArgumentList.Arguments.Count == 1))
                        Add(edits, group.Key, chained.ArgumentList.Arguments[0].Expression);
                }
            }

            foreach (var documentId in edits.Keys.Union(readsToDouble.Keys).ToList())
            {
                var document = solution.GetDocument(documentId)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var writes = edits.TryGetValue(documentId, out var w) ? w : new List<ExpressionSyntax>();
                var reads = readsToDouble.TryGetValue(documentId, out var r) ? r : new List<ExpressionSyntax>();
                var rewritten = root.ReplaceNodes(writes.Concat(reads), (original, current) =>
                    reads.Contains(original) ? Cast("double", current) : ToDecimal(original, current, member, model, cancellationToken));
                solution = solution.WithDocumentSyntaxRoot(documentId, rewritten);
            }

            return solution;
        }

        private static void Add(Dictionary<DocumentId, List<ExpressionSyntax>> edits, DocumentId document, ExpressionSyntax expression)
        {
            if (!edits.TryGetValue(document, out var list)) edits[document] = list = new List<ExpressionSyntax>();
            if (!list.Contains(expression)) list.Add(expression);
        }

        /// <summary>A read whose value goes where only a double fits (an explicitly typed double variable, a double parameter, a return).</summary>
        private static bool NeedsDouble(ExpressionSyntax use, SemanticModel model, CancellationToken cancellationToken)
        {
            var converted = model.GetTypeInfo(use, cancellationToken).ConvertedType;
            if (converted is null || !IsFloating(converted)) return false;
            return use.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: false } } }
                or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
                || (use.Parent is AssignmentExpressionSyntax assignment && assignment.Right == use);
        }

        private static ExpressionSyntax ToDecimal(ExpressionSyntax original, ExpressionSyntax current, string member, SemanticModel model, CancellationToken cancellationToken)
        {
            var literal = current as LiteralExpressionSyntax;
            var negated = current as PrefixUnaryExpressionSyntax;
            if (negated is { OperatorToken.RawKind: (int)SyntaxKind.MinusToken, Operand: LiteralExpressionSyntax inner }) literal = inner;
            if (literal is not null && literal.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                var text = literal.Token.Text.TrimEnd('d', 'D', 'f', 'F');
                var token = SyntaxFactory.ParseToken(text + "m").WithTriviaFrom(literal.Token);
                var rewritten = literal.WithToken(token);
                return negated is null ? rewritten : negated.WithOperand(rewritten);
            }

            // An expression over the property itself (Amount * 0.9) becomes decimal with it; its other operands are rewritten on their own.
            if (original.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText == member)) return current;
            var type = model.GetTypeInfo(original, cancellationToken).Type;
            return type is not null && IsFloating(type) ? Cast("decimal", current) : current;
        }

        private static ExpressionSyntax Cast(string type, ExpressionSyntax expression)
        {
            var operand = expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax
                ? expression.WithoutTrivia()
                : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
            return SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(type), operand).WithTriviaFrom(expression);
        }

        private static async Task<Solution> ChangeTypeAsync(Solution solution, ProjectId projectId, string entity, string member, CancellationToken cancellationToken)
        {
            var property = await PropertyAsync(solution.GetProject(projectId)!, entity, member, cancellationToken).ConfigureAwait(false);
            if (property is null) return solution;
            var declaration = (PropertyDeclarationSyntax)await property.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            var document = solution.GetDocument(declaration.SyntaxTree)!;
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            TypeSyntax decimalType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DecimalKeyword));
            if (declaration.Type is NullableTypeSyntax) decimalType = SyntaxFactory.NullableType(decimalType);
            return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(declaration.Type, decimalType.WithTriviaFrom(declaration.Type)));
        }
    }
}
