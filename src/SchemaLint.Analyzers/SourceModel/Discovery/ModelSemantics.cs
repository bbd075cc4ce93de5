using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// Binds what model-building code names (types, called methods, constants) with the compiler's semantic model of its
    /// tree: one semantic model per tree, created on first use and reused for the rest of one extraction. Nothing here
    /// outlives the extraction, so no symbol or compilation is held across snapshots.
    /// </summary>
    internal sealed class ModelSemantics
    {
        private readonly Compilation _compilation;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxTree, SemanticModel?> _models = new Dictionary<SyntaxTree, SemanticModel?>();

        public ModelSemantics(Compilation compilation, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The piece of model-building code being read, told of every tree it binds in and every member it binds.</summary>
        public Drafts.FluentPiece? Piece { get; set; }

        /// <summary>The named type a type syntax denotes (<c>Blog</c>, <c>Sales.Order</c>, <c>Wrapper&lt;int&gt;</c>), or null when it binds to none.</summary>
        public INamedTypeSymbol? NamedType(TypeSyntax syntax) => Type(syntax) as INamedTypeSymbol;

        /// <summary>The type a type syntax denotes, nullable value types and annotations included; null when it does not bind.</summary>
        public ITypeSymbol? Type(TypeSyntax syntax)
        {
            var model = ModelOf(syntax);
            if (model is null) return null;

            // A type name in some positions (the type of an object creation) has no type info of its own, only a symbol.
            var type = model.GetTypeInfo(syntax, _cancellationToken).Type ?? model.GetSymbolInfo(syntax, _cancellationToken).Symbol as ITypeSymbol;
            return type is null || type.TypeKind == TypeKind.Error ? null : type;
        }

        /// <summary>
        /// The one type a name would denote where it stands, by the compiler's lookup in scope: for code still being typed,
        /// where the parser may have read <c>Entity&lt;Blog&gt;</c> as comparisons and nothing binds.
        /// </summary>
        public INamedTypeSymbol? TypeInScope(SimpleNameSyntax name)
        {
            var model = ModelOf(name);
            if (model is null) return null;
            var found = model.LookupNamespacesAndTypes(name.SpanStart, name: name.Identifier.ValueText);
            return found.Length == 1 ? found[0] as INamedTypeSymbol : null;
        }

        /// <summary>The method an invocation calls; for a call the compiler could not resolve to one overload, the single candidate if there is one.</summary>
        public IMethodSymbol? Method(InvocationExpressionSyntax invocation)
        {
            var model = ModelOf(invocation);
            if (model is null) return null;
            var info = model.GetSymbolInfo(invocation, _cancellationToken);
            if (info.Symbol is IMethodSymbol method) return Bound(method);
            return info.CandidateSymbols.Length == 1 ? Bound(info.CandidateSymbols[0] as IMethodSymbol) : null;
        }

        /// <summary>The symbol a simple expression names (a local, a parameter, a field), or null.</summary>
        public ISymbol? Symbol(ExpressionSyntax expression)
        {
            var model = ModelOf(expression);
            return Bound(model?.GetSymbolInfo(expression, _cancellationToken).Symbol);
        }

        /// <summary>The compiler found candidates for the expression even if it could not choose one (an overload in doubt, not a typo).</summary>
        public bool HasCandidates(ExpressionSyntax expression)
        {
            var model = ModelOf(expression);
            if (model is null) return false;
            var candidates = model.GetSymbolInfo(expression, _cancellationToken).CandidateSymbols;
            foreach (var candidate in candidates) Bound(candidate);
            return candidates.Length > 0;
        }

        /// <summary>The compile-time constant an expression has (<c>Limits.NameLength</c>, <c>"x" + Suffix</c>), or no value.</summary>
        public Optional<object?> Constant(ExpressionSyntax expression)
        {
            var model = ModelOf(expression);
            if (model is null) return default;
            if (Piece is not null) BindNamesIn(expression, model);
            return model.GetConstantValue(expression, _cancellationToken);
        }

        /// <summary>A constant's value is its declaration's: the piece reading it depends on the trees declaring the names in it.</summary>
        private void BindNamesIn(ExpressionSyntax expression, SemanticModel model)
        {
            foreach (var node in expression.DescendantNodesAndSelf())
            {
                if (node is SimpleNameSyntax name) Bound(model.GetSymbolInfo(name, _cancellationToken).Symbol);
            }
        }

        private T? Bound<T>(T? symbol)
            where T : class, ISymbol
        {
            Piece?.Bound(symbol);
            return symbol;
        }

        private SemanticModel? ModelOf(SyntaxNode node)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var tree = node.SyntaxTree;

            // A node binds by its own member and by declarations: whatever edit leaves both alone leaves the answer alone.
            ExtractionFootprint.Touch(tree, node.Span);
            Piece?.Read(tree, node.Span);
            if (_models.TryGetValue(tree, out var model)) return model;

            // A node from a tree this compilation does not contain (a stale reference) cannot be bound.
            model = _compilation.ContainsSyntaxTree(tree) ? _compilation.GetSemanticModel(tree) : null;
            _models[tree] = model;
            return model;
        }
    }
}
