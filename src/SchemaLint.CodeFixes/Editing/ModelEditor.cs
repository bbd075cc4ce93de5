using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SchemaLint.CodeFixes.Configuration;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>
    /// Writes configuration the way the entity's code already writes it: Fluent API into the blocks that configure the entity
    /// (appending to an existing <c>Property(...)</c> chain when there is one), data annotations on the class otherwise.
    /// Configuration that no attribute expresses (database defaults, check constraints) goes to Fluent API in either style:
    /// into the entity's block, or into the context's <c>OnModelCreating</c>.
    /// </summary>
    internal static class ModelEditor
    {
        public const string LambdaParameter = "e";

        /// <summary>Configures a property: <paramref name="attribute"/> in annotation style (when given), else <c>.Method(arguments)</c>.</summary>
        public static async Task<Solution> ConfigurePropertyAsync(
            Solution solution, ProjectId projectId, string entityName, string propertyName, string method, string arguments, AttributeSpec? attribute, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            var configuration = project is null ? null : await ConfigurationLocator.FindAsync(project, entityName, cancellationToken).ConfigureAwait(false);
            if (project is null || configuration is null) return solution;
            if (attribute is not null && !configuration.IsFluentStyle)
                return await AddPropertyAttributeAsync(solution, configuration.Type, propertyName, attribute, cancellationToken).ConfigureAwait(false);

            var chain = FindPropertyCall(configuration, propertyName);
            if (chain is not null)
            {
                var document = solution.GetDocument(chain.Document)!;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                return solution.WithDocumentSyntaxRoot(document.Id, ChainEditor.Append(root!, chain.Invocation, method, arguments));
            }

            return await AddStatementAsync(solution, project, configuration,
                builder => $"{builder}.Property({LambdaParameter} => {LambdaParameter}.{propertyName}).{method}({arguments});", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Configures the entity: <paramref name="classAttribute"/> in annotation style (when given), else a statement on its builder.</summary>
        public static async Task<Solution> ConfigureEntityAsync(
            Solution solution, ProjectId projectId, string entityName, string fluentTail, AttributeSpec? classAttribute, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            var configuration = project is null ? null : await ConfigurationLocator.FindAsync(project, entityName, cancellationToken).ConfigureAwait(false);
            if (project is null || configuration is null) return solution;
            if (classAttribute is not null && !configuration.IsFluentStyle)
                return await AddClassAttributeAsync(solution, configuration.Type, classAttribute, cancellationToken).ConfigureAwait(false);
            return await AddStatementAsync(solution, project, configuration, builder => $"{builder}.{fluentTail};", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Whether Fluent configuration for the entity has a place to go: a block that configures it, or a DbContext that maps it.
        /// Fixes that only Fluent API can write check this before they offer themselves, so that no offered fix does nothing.
        /// </summary>
        public static async Task<bool> CanWriteFluentAsync(Project project, EntityConfiguration configuration, CancellationToken cancellationToken) =>
            configuration.Blocks.Count > 0 || (!configuration.IsOwned && await ContextLocator.FindAsync(project, configuration.Type, cancellationToken).ConfigureAwait(false) is not null);

        public static BuilderCall? FindPropertyCall(EntityConfiguration configuration, string propertyName) =>
            configuration.CallsNamed("Property").FirstOrDefault(c => ConfigurationLocator.MemberNames(c.Invocation) is { Count: 1 } names && names[0] == propertyName);

        /// <summary>Adds a statement to the entity's preferred Fluent block, or to the context's <c>OnModelCreating</c>.</summary>
        public static async Task<Solution> AddStatementAsync(Solution solution, Project project, EntityConfiguration configuration, System.Func<string, string> statement, CancellationToken cancellationToken)
        {
            var block = configuration.PreferredBlock;
            if (block is null && configuration.IsOwned) return solution;
            if (block is null) return await AddToContextAsync(solution, project, configuration.Type, statement, cancellationToken).ConfigureAwait(false);

            var document = solution.GetDocument(block.Document)!;
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var anchor = root.FindNode(block.Anchor.Span, getInnermostNodeForTie: true);
            anchor = anchor.AncestorsAndSelf().FirstOrDefault(n => n.RawKind == block.Anchor.RawKind && n.Span == block.Anchor.Span) ?? anchor;
            var text = statement(block.Builder);
            switch (anchor)
            {
                case MethodDeclarationSyntax { Body: { } body }:
                    return solution.WithDocumentSyntaxRoot(document.Id, StatementEditor.Append(root, body, text));
                case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                    return await FormatAsync(solution, document.Id, root.ReplaceNode(method, method
                        .WithExpressionBody(null).WithSemicolonToken(default)
                        .WithBody(StatementEditor.FormattedBlock(SyntaxFactory.ExpressionStatement(arrow.Expression), StatementEditor.Parse(text)))), cancellationToken).ConfigureAwait(false);
                case LambdaExpressionSyntax { Body: BlockSyntax body }:
                    return solution.WithDocumentSyntaxRoot(document.Id, StatementEditor.Append(root, body, text));
                case LambdaExpressionSyntax { Body: ExpressionSyntax expression } lambda:
                    return await FormatAsync(solution, document.Id, root.ReplaceNode(lambda, lambda
                        .WithBody(StatementEditor.FormattedBlock(SyntaxFactory.ExpressionStatement(expression), StatementEditor.Parse(text)))), cancellationToken).ConfigureAwait(false);
                case LocalDeclarationStatementSyntax declaration when declaration.Parent is BlockSyntax variableBlock:
                    var variable = block.Builder;
                    var last = variableBlock.Statements.Last(s => s == declaration || (s.SpanStart > declaration.SpanStart && s.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == variable)));
                    return solution.WithDocumentSyntaxRoot(document.Id, StatementEditor.InsertAfter(root, last, text));
                case StatementSyntax lone:
                    var siblings = configuration.Blocks.Where(b => b.Kind == FluentBlockKind.EntityStatement && b.Document == block.Document && b.Anchor.Parent == block.Anchor.Parent).ToList();
                    var lastStatement = siblings.Count == 0 ? lone : root.FindNode(siblings.OrderBy(s => s.Anchor.SpanStart).Last().Anchor.Span).FirstAncestorOrSelf<StatementSyntax>() ?? lone;
                    return solution.WithDocumentSyntaxRoot(document.Id, StatementEditor.InsertAfter(root, lastStatement, text));
                default:
                    return solution;
            }
        }

        /// <summary>
        /// <c>modelBuilder.Entity&lt;T&gt;()....;</c> in the context's <c>OnModelCreating</c>, which is added when the context
        /// does not override it yet.
        /// </summary>
        private static async Task<Solution> AddToContextAsync(Solution solution, Project project, INamedTypeSymbol entity, System.Func<string, string> statement, CancellationToken cancellationToken)
        {
            var context = await ContextLocator.FindAsync(project, entity, cancellationToken).ConfigureAwait(false);
            if (context is null) return solution;
            var document = solution.GetDocument(context.SyntaxTree);
            if (document is null) return solution;
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var entityName = entity.ToMinimalDisplayString(model!, context.SpanStart);

            var method = ContextLocator.OnModelCreating(context);
            if (method is not null)
            {
                var builder = method.ParameterList.Parameters[0].Identifier.ValueText;
                var text = statement($"{builder}.Entity<{entityName}>()");
                if (method.Body is not null) return solution.WithDocumentSyntaxRoot(document.Id, StatementEditor.Append(root, method.Body, text));
                return await FormatAsync(solution, document.Id, root.ReplaceNode(method, method
                    .WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(StatementEditor.FormattedBlock(SyntaxFactory.ExpressionStatement(method.ExpressionBody!.Expression), StatementEditor.Parse(text)))), cancellationToken).ConfigureAwait(false);
            }

            var added = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                "protected override void OnModelCreating(ModelBuilder modelBuilder)\n{\n" + statement($"modelBuilder.Entity<{entityName}>()") + "\n}\n")!;
            if (context.Members.Count > 0) added = added.WithLeadingTrivia(Layout.EndOfLine(root));
            var rewritten = root.ReplaceNode(context, context.AddMembers(added.WithAdditionalAnnotations(Formatter.Annotation)));
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (rewritten is CompilationUnitSyntax unit && compilation is not null)
                rewritten = ImportEditor.AddUsing(compilation, unit, "Microsoft.EntityFrameworkCore");
            return await FormatAsync(solution, document.Id, rewritten, cancellationToken).ConfigureAwait(false);
        }

        public static async Task<Solution> AddPropertyAttributeAsync(Solution solution, INamedTypeSymbol type, string propertyName, AttributeSpec attribute, CancellationToken cancellationToken)
        {
            var property = SymbolLookup.FindProperty(type, propertyName);
            var reference = property?.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null) return solution;
            var declaration = (MemberDeclarationSyntax)await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            return await AddAttributeAsync(solution, declaration, attribute, cancellationToken).ConfigureAwait(false);
        }

        public static async Task<Solution> AddClassAttributeAsync(Solution solution, INamedTypeSymbol type, AttributeSpec attribute, CancellationToken cancellationToken)
        {
            var reference = type.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference is null) return solution;
            var declaration = (MemberDeclarationSyntax)await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            return await AddAttributeAsync(solution, declaration, attribute, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Solution> AddAttributeAsync(Solution solution, MemberDeclarationSyntax declaration, AttributeSpec attribute, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(declaration.SyntaxTree);
            if (document is null) return solution;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var current = root.FindNode(declaration.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<MemberDeclarationSyntax>().First();
            var rewritten = root.ReplaceNode(current, AttributeEditor.Add(current, attribute.Text, Layout.EndOfLine(root)));
            if (attribute.Namespace is not null && compilation is not null) rewritten = ImportEditor.AddUsing(compilation, rewritten, attribute.Namespace);
            return solution.WithDocumentSyntaxRoot(document.Id, rewritten);
        }

        public static async Task<Solution> FormatAsync(Solution solution, DocumentId documentId, SyntaxNode root, CancellationToken cancellationToken)
        {
            var document = solution.WithDocumentSyntaxRoot(documentId, root).GetDocument(documentId)!;
            var formatted = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return formatted.Project.Solution;
        }
    }

    /// <summary>An attribute as written (<c>Precision(18, 2)</c>) and the namespace it needs imported.</summary>
    internal sealed class AttributeSpec
    {
        public AttributeSpec(string text, string? ns)
        {
            Text = text;
            Namespace = ns;
        }

        public string Text { get; }

        public string? Namespace { get; }

        public const string DataAnnotations = "System.ComponentModel.DataAnnotations";
        public const string DataAnnotationsSchema = "System.ComponentModel.DataAnnotations.Schema";
        public const string EntityFrameworkCore = "Microsoft.EntityFrameworkCore";
    }
}
