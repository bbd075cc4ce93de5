using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
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
    /// SL2001: the money property becomes <c>decimal</c> with precision (18, 2), and every use of it is made to compile again
    /// with the compiler as the guide: the fix changes the type, builds the projects that can see the property, and mends each
    /// new error where it is reported (a double literal gets the <c>m</c> suffix, a double written into the property or mixed
    /// with it in arithmetic becomes decimal, a decimal read where only a double fits gets the one explicit conversion),
    /// until the projects build as before. A use it cannot mend that way means no fix is offered: it never breaks the build.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoneyAsDecimalFix)), Shared]
    public sealed class MoneyAsDecimalFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string UseDecimal = "SL2001.UseDecimal";

        /// <summary>Each round mends the errors the previous one uncovered (a cast's result meeting the next double); real code settles in two or three.</summary>
        private const int MaxRepairRounds = 8;

        /// <summary>The light bulb asks for the choices and then applies one; the rewrite they both need is computed once per solution.</summary>
        private static readonly ConditionalWeakTable<Solution, ConcurrentDictionary<string, Task<Solution?>>> Rewrites = new();

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MoneyAsFloatingPoint);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken) =>
            Offer(await RewriteAsync(target, cancellationToken).ConfigureAwait(false) is not null, "Store as decimal(18, 2)", UseDecimal);

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken) =>
            await RewriteAsync(target, cancellationToken).ConfigureAwait(false) ?? target.Solution;

        private static Task<Solution?> RewriteAsync(FixTarget target, CancellationToken cancellationToken)
        {
            if (target.EntityName is null || target.MemberName is null) return Task.FromResult<Solution?>(null);
            var byProperty = Rewrites.GetValue(target.Solution, _ => new ConcurrentDictionary<string, Task<Solution?>>());
            var key = target.Document.Project.Id.Id + "|" + target.EntityName + "|" + target.MemberName;
            var rewrite = byProperty.GetOrAdd(key, _ => RewriteAsync(target.Solution, target.Document.Project.Id, target.EntityName, target.MemberName, cancellationToken));
            return Settled(rewrite, byProperty, key);
        }

        /// <summary>A cancelled computation is forgotten, so that the next request computes the rewrite again.</summary>
        private static async Task<Solution?> Settled(Task<Solution?> rewrite, ConcurrentDictionary<string, Task<Solution?>> cache, string key)
        {
            try
            {
                return await rewrite.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                cache.TryRemove(key, out _);
                throw;
            }
        }

        private static async Task<Solution?> RewriteAsync(Solution original, ProjectId projectId, string entity, string member, CancellationToken cancellationToken)
        {
            var property = await PropertyAsync(original.GetProject(projectId)!, entity, member, cancellationToken).ConfigureAwait(false);
            if (property is null || !IsFloating(property.Type)) return null;

            var solution = await RewriteDefaultValuesAsync(original, property, cancellationToken).ConfigureAwait(false);
            solution = await ChangeTypeAsync(solution, projectId, entity, member, cancellationToken).ConfigureAwait(false);
            var projects = BuildGuard.ProjectAndDependents(original, projectId);
            solution = await RepairAsync(original, solution, projects, cancellationToken).ConfigureAwait(false);
            if (solution is null) return null;
            solution = await KeepEqualityMeaningAsync(solution, projects, member, cancellationToken).ConfigureAwait(false);
            return await Precision.AddAsync(solution, projectId, entity, member, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<IPropertySymbol?> PropertyAsync(Project project, string? entity, string? member, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, entity);
            var property = type is null || member is null ? null : SymbolLookup.FindProperty(type, member);
            return property is not null && property.DeclaringSyntaxReferences.Length > 0 ? property : null;
        }

        private static bool IsFloating(ITypeSymbol? type) => Underlying(type)?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private static bool IsDecimal(ITypeSymbol? type) => Underlying(type)?.SpecialType == SpecialType.System_Decimal;

        private static ITypeSymbol? Underlying(ITypeSymbol? type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        /// <summary>
        /// The default value in the property's Fluent chain (<c>HasDefaultValue(0.0)</c>) takes an object, so the compiler accepts
        /// a double there and EF Core rejects it when it builds the model; it is the one write the compiler cannot point at.
        /// </summary>
        private static async Task<Solution> RewriteDefaultValuesAsync(Solution solution, IPropertySymbol property, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(property, solution, cancellationToken).ConfigureAwait(false);
            foreach (var group in references.SelectMany(r => r.Locations).Where(l => !l.IsImplicit).GroupBy(l => l.Document.Id).ToList())
            {
                var document = solution.GetDocument(group.Key)!;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var values = new List<ExpressionSyntax>();
                foreach (var location in group)
                {
                    var lambda = root.FindNode(location.Location.SourceSpan).FirstAncestorOrSelf<LambdaExpressionSyntax>();
                    if (lambda?.Parent?.Parent?.Parent is not InvocationExpressionSyntax call || ConfigurationLocator.MethodName(call) != "Property") continue;
                    values.AddRange(ConfigurationLocator.ChainedCalls(call)
                        .Where(c => ConfigurationLocator.MethodName(c) == "HasDefaultValue" && c.ArgumentList.Arguments.Count == 1)
                        .Select(c => c.ArgumentList.Arguments[0].Expression)
                        .Where(v => IsFloating(model.GetTypeInfo(v, cancellationToken).Type)));
                }

                if (values.Count > 0) solution = solution.WithDocumentSyntaxRoot(group.Key, root.ReplaceNodes(values.Distinct(), (_, current) => ToDecimal(current)));
            }

            return solution;
        }

        /// <summary>
        /// Mends the errors the type change caused until the projects build as before; null when an error is left that no
        /// conversion mends (the fix is then not offered).
        /// </summary>
        private static async Task<Solution?> RepairAsync(Solution original, Solution solution, IReadOnlyList<ProjectId> projects, CancellationToken cancellationToken)
        {
            for (var round = 0; round < MaxRepairRounds; round++)
            {
                var errors = await BuildGuard.NewErrorsInProjectsAsync(original, solution, projects, cancellationToken).ConfigureAwait(false);
                if (errors.Count == 0) return solution;

                var repairs = new Dictionary<DocumentId, Dictionary<ExpressionSyntax, Func<ExpressionSyntax, ExpressionSyntax>>>();
                foreach (var error in errors)
                {
                    var document = error.Location.SourceTree is { } tree ? solution.GetDocument(tree) : null;
                    if (document is null) continue;
                    var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                    var repair = Repair(error.Id, root.FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true), model, cancellationToken);
                    if (repair is null) continue;
                    if (!repairs.TryGetValue(document.Id, out var inDocument)) repairs[document.Id] = inDocument = new Dictionary<ExpressionSyntax, Func<ExpressionSyntax, ExpressionSyntax>>();

                    // One edit per node and round; an edit inside another waits for the next round, which sees the first one's result.
                    if (inDocument.Keys.Any(n => n.Span.IntersectsWith(repair.Value.Node.Span))) continue;
                    inDocument[repair.Value.Node] = repair.Value.Rewrite;
                }

                if (repairs.Count == 0) return null;
                foreach (var (documentId, edits) in repairs.Select(p => (p.Key, p.Value)))
                {
                    var root = (await solution.GetDocument(documentId)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                    solution = solution.WithDocumentSyntaxRoot(documentId, root.ReplaceNodes(edits.Keys, (node, current) => edits[node](current)));
                }
            }

            return null;
        }

        /// <summary>
        /// <c>amount.Equals(0.0)</c> and <c>amount.CompareTo(0.0)</c> take an object, so they compile with a decimal receiver and a
        /// double argument, and then answer false or throw: the double argument becomes decimal, so they answer as before.
        /// </summary>
        private static async Task<Solution> KeepEqualityMeaningAsync(Solution solution, IReadOnlyList<ProjectId> projects, string member, CancellationToken cancellationToken)
        {
            foreach (var documentId in projects.SelectMany(p => solution.GetProject(p)?.DocumentIds ?? (IReadOnlyList<DocumentId>)Array.Empty<DocumentId>()).ToList())
            {
                var document = solution.GetDocument(documentId)!;
                var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
                if (text.IndexOf(member, StringComparison.Ordinal) < 0 || (text.IndexOf(".Equals(", StringComparison.Ordinal) < 0 && text.IndexOf(".CompareTo(", StringComparison.Ordinal) < 0)) continue;
                var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
                var arguments = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" or "CompareTo" } access
                        && i.ArgumentList.Arguments.Count == 1
                        && IsDecimal(model.GetTypeInfo(access.Expression, cancellationToken).Type)
                        && IsFloating(model.GetTypeInfo(i.ArgumentList.Arguments[0].Expression, cancellationToken).Type))
                    .Select(i => i.ArgumentList.Arguments[0].Expression)
                    .ToList();
                if (arguments.Count > 0) solution = solution.WithDocumentSyntaxRoot(documentId, root.ReplaceNodes(arguments, (_, current) => ToDecimal(current)));
            }

            return solution;
        }

        /// <summary>The one edit that mends a compiler error the type change caused, or null when the error is not one of those.</summary>
        private static (ExpressionSyntax Node, Func<ExpressionSyntax, ExpressionSyntax> Rewrite)? Repair(string errorId, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var expression = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression;
            switch (errorId)
            {
                // A double literal where a decimal goes: the literal itself becomes decimal.
                case "CS0664" when expression is not null:
                    return (expression, ToDecimal);

                // Cannot implicitly convert; an explicit conversion exists: write it, to the type the expression is converted to.
                case "CS0266" when expression is not null:
                {
                    var target = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
                    if (target is null || target.TypeKind == TypeKind.Error) return null;
                    if (IsDecimal(target) && IsFloating(model.GetTypeInfo(expression, cancellationToken).Type)) return (expression, ToDecimal);
                    var name = target.ToMinimalDisplayString(model, expression.SpanStart);
                    return (expression, current => Cast(name, current));
                }

                // An operator between decimal and double. A compound assignment converts the value to the variable's type
                // (order.Amount -= fee, total += order.Amount). Elsewhere a double literal becomes a decimal literal
                // (order.Amount > 100.0); a double value keeps the arithmetic it had: the decimal side is read as a double.
                case "CS0019":
                {
                    var (left, right) = node switch
                    {
                        BinaryExpressionSyntax binary => (binary.Left, binary.Right),
                        AssignmentExpressionSyntax assignment => (assignment.Left, assignment.Right),
                        _ => (null!, null!),
                    };
                    if (left is null) return null;
                    var leftType = model.GetTypeInfo(left, cancellationToken).Type;
                    var rightType = model.GetTypeInfo(right, cancellationToken).Type;

                    if (node is AssignmentExpressionSyntax)
                    {
                        if (IsDecimal(leftType) && IsFloating(rightType)) return (right, ToDecimal);
                        if (IsFloating(leftType) && IsDecimal(rightType)) return (right, current => Cast(DoubleFor(leftType!, rightType!), current));
                        return null;
                    }

                    if (IsDecimal(leftType) && IsFloating(rightType)) return IsNumericLiteral(right) ? (right, ToDecimal) : (left, current => Cast(DoubleFor(rightType!, leftType!), current));
                    if (IsFloating(leftType) && IsDecimal(rightType)) return IsNumericLiteral(left) ? (left, ToDecimal) : (right, current => Cast(DoubleFor(leftType!, rightType!), current));
                    return null;
                }

                // Arguments that no longer fit any overload, mended for the whole call at once (one argument at a time would
                // swing between overloads): double literals beside a decimal become decimal (Math.Max(amount, 0.0)); otherwise
                // the decimals are read as doubles (Math.Sqrt(amount), a method that takes a double).
                case "CS1503" when expression?.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax call } arguments }:
                {
                    var types = arguments.Arguments.Select(a => model.GetTypeInfo(a.Expression, cancellationToken).Type).ToList();
                    if (!types.Any(IsDecimal)) return null;
                    var floating = Enumerable.Range(0, types.Count).Where(i => IsFloating(types[i])).ToList();
                    var toDecimal = floating.Count > 0 && floating.All(i => IsNumericLiteral(arguments.Arguments[i].Expression));
                    var edits = toDecimal
                        ? floating.ToDictionary(i => i, _ => (Func<ExpressionSyntax, ExpressionSyntax>)ToDecimal)
                        : Enumerable.Range(0, types.Count).Where(i => IsDecimal(types[i])).ToDictionary(i => i, i =>
                        {
                            var name = IsNullable(types[i]!) ? "double?" : "double";
                            return (Func<ExpressionSyntax, ExpressionSyntax>)(current => Cast(name, current));
                        });
                    return (call, current => RewriteArguments(current, edits));
                }

                // cond ? order.Amount : 0.0: the double branch becomes decimal.
                case "CS0173" when node is ConditionalExpressionSyntax conditional:
                {
                    if (IsDecimal(model.GetTypeInfo(conditional.WhenTrue, cancellationToken).Type) && IsFloating(model.GetTypeInfo(conditional.WhenFalse, cancellationToken).Type))
                        return (conditional.WhenFalse, ToDecimal);
                    if (IsFloating(model.GetTypeInfo(conditional.WhenTrue, cancellationToken).Type) && IsDecimal(model.GetTypeInfo(conditional.WhenFalse, cancellationToken).Type))
                        return (conditional.WhenTrue, ToDecimal);
                    return null;
                }

                default:
                    return null;
            }
        }

        private static bool IsNumericLiteral(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression }
            || expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } };

        /// <summary>The double type a decimal is read as: nullable when either side is.</summary>
        private static string DoubleFor(ITypeSymbol floating, ITypeSymbol @decimal) =>
            IsNullable(floating) || IsNullable(@decimal) ? "double?" : "double";

        private static bool IsNullable(ITypeSymbol type) => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        private static ExpressionSyntax RewriteArguments(ExpressionSyntax call, IReadOnlyDictionary<int, Func<ExpressionSyntax, ExpressionSyntax>> edits)
        {
            var list = call.ChildNodes().OfType<ArgumentListSyntax>().FirstOrDefault();
            if (list is null) return call;
            var arguments = list.Arguments.Select((a, i) => edits.TryGetValue(i, out var edit) ? a.WithExpression(edit(a.Expression)) : a);
            return call.ReplaceNode(list, list.WithArguments(SyntaxFactory.SeparatedList(arguments, list.Arguments.GetSeparators())));
        }

        /// <summary>A double literal gets the <c>m</c> suffix (the same decimal digits); any other double value an explicit conversion.</summary>
        private static ExpressionSyntax ToDecimal(ExpressionSyntax current)
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

            return Cast("decimal", current);
        }

        private static ExpressionSyntax Cast(string type, ExpressionSyntax expression)
        {
            var operand = expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax or ElementAccessExpressionSyntax
                ? expression.WithoutTrivia()
                : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
            ExpressionSyntax cast = SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(type), operand);

            // A cast that is the receiver of a member access or a call binds looser than them: ((double)amount).ToString().
            if (expression.Parent is MemberAccessExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax or PostfixUnaryExpressionSyntax)
                cast = SyntaxFactory.ParenthesizedExpression(cast);
            return cast.WithTriviaFrom(expression);
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
