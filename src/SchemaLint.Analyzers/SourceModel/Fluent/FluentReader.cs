using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.Analyzers.SourceModel.Declarations;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Reads model-building code: the bodies of OnModelCreating, ConfigureConventions and IEntityTypeConfiguration&lt;T&gt;.Configure,
    /// and of the project's own helpers they hand a builder to. Builders are tracked through parameters, lambda parameters and
    /// locals. What the reader cannot follow makes unknown only what it could change: a call it does not know on a property
    /// builder, that property; code that only might run (a branch on a condition it cannot evaluate), the facts that code
    /// states; a statement still being typed, the entities it names; compiled code that receives a builder, what that builder
    /// reaches.
    /// </summary>
    internal sealed class FluentReader
    {
        /// <summary>How deep helper calls are read as if written in place; deeper code is treated as code the reader cannot see.</summary>
        private const int MaxHelperDepth = 8;

        private readonly HashSet<(IMethodSymbol, EntityDraft?)> _read = new HashSet<(IMethodSymbol, EntityDraft?)>();
        private readonly HashSet<(object, EntityDraft)> _configured = new HashSet<(object, EntityDraft)>();
        private readonly List<IMethodSymbol> _helpers = new List<IMethodSymbol>();
        private readonly CancellationToken _cancellationToken;

        // Set while a statement with errors is read, so that its own unbound steps do not start the same reading again.
        private bool _readingErroneous;

        // While positive, the code being read only might run: it states no fact, it makes the facts it would state unknown.
        private int _uncertainDepth;

        // The class of the object whose methods are being read (the configuration class applied, the context), which a
        // virtual call on this dispatches on; null where the reader cannot tell.
        private INamedTypeSymbol? _this;

        private readonly EditedCode? _edited;
        private readonly FluentPieces? _piecesBefore;

        /// <param name="edited">What a model edit changed since the snapshot before, when the two compare file by file.</param>
        /// <param name="piecesBefore">The pieces the snapshot before read for this context, with what each read, if it recorded them.</param>
        /// <param name="recordPieces">Whether to record the pieces read with what they read, for the next snapshot (<see cref="Pieces"/>).</param>
        public FluentReader(ModelDraft model, CompilationScope scope, EditedCode? edited, CancellationToken cancellationToken,
            FluentPieces? piecesBefore = null, bool recordPieces = false)
        {
            Model = model;
            Scope = scope;
            _edited = edited;
            _cancellationToken = cancellationToken;
            _piecesBefore = piecesBefore;
            if (recordPieces) Pieces = new FluentPieces(piecesBefore?.Count ?? 0);
        }

        /// <summary>
        /// Set by the test suites: a piece the snapshot before's record said the edit cannot reach, yet which read edited
        /// code, fails the extraction, so that every edit the suites make checks the record a reader will skip pieces by.
        /// </summary>
        internal static bool CheckEveryPrediction { get; set; }

        /// <summary>The pieces this extraction read, with the trees each read; null when it records none (a project's first extraction).</summary>
        public FluentPieces? Pieces { get; }

        /// <summary>How many pieces the record of the snapshot before said, before they were read, that the edit cannot reach.</summary>
        public int PiecesPredictedUnreached { get; private set; }

        /// <summary>How many pieces were read with a record of the snapshot before to ask (the edit compared file by file).</summary>
        public int PiecesWithRecord { get; private set; }

        public ModelDraft Model { get; }

        public CompilationScope Scope { get; }

        public ModelSemantics Semantics => Scope.Semantics;

        /// <summary>The code being read only might run (a branch the reader cannot decide, a statement with syntax errors).</summary>
        public bool IsUncertain => _uncertainDepth > 0;

        /// <summary>A type named in Fluent code, bound by the compiler (never by its text); null when it binds to no class.</summary>
        public INamedTypeSymbol? ResolveType(TypeSyntax syntax) => Scope.ResolveType(syntax);

        public void ReadOnModelCreating() =>
            ReadAsPiece("OnModelCreating", null, () => ReadAsThis(Model.Context, () => ReadModelMethod(FindContextOverride("OnModelCreating"))));

        public void ReadConfigureConventions() =>
            ReadAsPiece("ConfigureConventions", null, () => ReadConventionsMethod(FindContextOverride("ConfigureConventions")));

        /// <summary>
        /// The context's override of a model-building method. Whether there is one is for a member of that name to say, so
        /// the piece looking records the name: an edit that adds the override (or removes it) changes a member of that name
        /// and reaches the piece. (A changed base type compares with nothing.)
        /// </summary>
        private IMethodSymbol? FindContextOverride(string name)
        {
            Model.Piece?.LookedUp(name);
            return Scope.FindContextOverride(Model.Context, name);
        }

        /// <summary>
        /// Runs a configuration class's Configure (and the base versions it calls) against an entity, as EF Core's
        /// <c>ApplyConfiguration</c> runs it: through the interface, with the configuration object as <c>this</c>.
        /// </summary>
        public void ApplyConfiguration(INamedTypeSymbol configuration, INamedTypeSymbol entityType, EntityDraft entity)
        {
            ReadAsPiece(PieceKey(configuration, entity), entity,
                () => ReadAsThis(configuration, () => ReadConfigureMethod(Scope.ConfigureRunBy(configuration, entityType), entity)));
        }

        /// <summary>
        /// A configuration class applied to an entity type, the same in the next snapshot when neither changed: a class
        /// declared in source by where it is declared (a tree an edit leaves alone is the same object in the next
        /// snapshot), a compiled one by its name. Cheaper than a name for each of a thousand classes on every model edit.
        /// </summary>
        private static object PieceKey(INamedTypeSymbol configuration, EntityDraft entity)
        {
            var declarations = configuration.DeclaringSyntaxReferences;
            return declarations.Length > 0
                ? (declarations[0].SyntaxTree, declarations[0].Span.Start, entity.Name)
                : (ClrTypes.FullNameForEntity(configuration), 0, entity.Name);
        }

        /// <summary>
        /// Reads one piece of model-building code, recording on every draft it reaches that it did, and whether it read code
        /// a model edit changed (<see cref="FluentPiece"/>). A piece read within another (a configuration class applied from
        /// <c>OnModelCreating</c>) is a piece of its own: the code applying it is the outer piece's.
        /// </summary>
        private void ReadAsPiece(object key, EntityDraft? entity, Action read)
        {
            var outer = Model.Piece;
            var piece = new FluentPiece(key, _edited ?? EditedCode.None, recordReads: Pieces is not null);
            if (_piecesBefore is not null && _edited is not null)
            {
                PiecesWithRecord++;
                if (_piecesBefore.Unreached(key, _edited))
                {
                    piece.PredictedUnreached = true;
                    PiecesPredictedUnreached++;
                }
            }

            Model.Piece = piece;
            Semantics.Piece = piece;
            Model.Reached(entity);
            try
            {
                read();
            }
            finally
            {
                Model.Piece = outer;
                Semantics.Piece = outer;
            }

            piece.Finish();
            Pieces?.Add(piece);
            if (CheckEveryPrediction && piece.PredictedUnreached && piece.ReadEditedCode)
                throw new InvalidOperationException($"The record of the snapshot before said no edit reaches the piece {piece}, which read edited code.");
        }

        /// <summary>Reads code whose <c>this</c> is an object of <paramref name="type"/> (null: an object the reader cannot tell).</summary>
        private void ReadAsThis(INamedTypeSymbol? type, Action read)
        {
            var outer = _this;
            _this = type;
            try
            {
                read();
            }
            finally
            {
                _this = outer;
            }
        }

        public void ApplyAllConfigurations()
        {
            foreach (var (configuration, entityType) in Scope.Configurations)
            {
                var entity = Model.GetOrAdd(entityType);
                if (entity is not null) ApplyConfiguration(configuration, entityType, entity);
            }
        }

        /// <summary>Reads a lambda passed to a builder (<c>b =&gt; ...</c>); a method group is read as a helper; anything else cannot be followed.</summary>
        public void ReadLambda(ArgumentSyntax argument, Binding binding)
        {
            if (Arguments.TryLambda(argument.Expression, out var parameter, out var body))
            {
                ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = binding }, null);
                return;
            }

            if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
                && Semantics.Symbol(argument.Expression) is IMethodSymbol { Parameters.Length: 1 } method
                && TryReadHelper(method, new[] { binding }, out _))
                return;

            binding.Taint();
        }

        private void ReadModelMethod(IMethodSymbol? method)
        {
            if (method is null || !_read.Add((method, null))) return;
            var body = CompilationScope.BodyOf(method, out var parameter);
            if (body is null || parameter is null)
            {
                CompiledConfiguration.ApplyModelBuilding(Model, method);
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new ModelBinding(this) },
                step => step.Name == "OnModelCreating" && Do(() => ReadModelMethod(Scope.FindContextOverride(method.ContainingType.BaseType, "OnModelCreating"))));
        }

        private void ReadConventionsMethod(IMethodSymbol? method)
        {
            if (method is null || !_read.Add((method, null))) return;
            var body = CompilationScope.BodyOf(method, out var parameter);
            if (body is null || parameter is null)
            {
                Model.ConventionsOpaque = true;
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new ConventionsBinding(Model) },
                step => step.Name == "ConfigureConventions" && Do(() => ReadConventionsMethod(Scope.FindContextOverride(method.ContainingType.BaseType, "ConfigureConventions"))));
        }

        private void ReadConfigureMethod(ConfigureMethod? method, EntityDraft entity)
        {
            if (method is null)
            {
                entity.MakeOpaque();
                return;
            }

            if (!_configured.Add((method.Identity, entity))) return;
            string? parameter = null;
            var body = method.Declaration is { } declaration ? CompilationScope.BodyOf(declaration, out parameter) : null;
            if (body is null || parameter is null)
            {
                entity.MakeOpaque();
                return;
            }

            ReadBody(body, new Dictionary<string, Binding>(StringComparer.Ordinal) { [parameter] = new EntityBinding(this, entity) },
                step => step.Name == "Configure" && Do(() => ReadConfigureMethod(CompilationScope.FindConfigure(method.DeclaringType.BaseType), entity)));
        }

        private static bool Do(Action action)
        {
            action();
            return true;
        }

        /// <param name="baseCall">Handles <c>base.Method(builder)</c>; returns false when the call is not the one it handles.</param>
        /// <param name="returned">Collects the builders a helper's <c>return</c> statements evaluate to (null for one it cannot tell).</param>
        private void ReadBody(SyntaxNode body, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall, List<Binding?>? returned = null)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Model.Piece?.Read(body.SyntaxTree, body.Span);
            if (body is ExpressionSyntax expression)
            {
                if (HasOwnSyntaxErrors(expression))
                {
                    ReadErroneous(expression, bindings);
                    return;
                }

                var result = ReadExpression(expression, bindings, baseCall);
                returned?.Add(result);
                return;
            }

            if (body is StatementSyntax statement)
            {
                ReadStatement(statement, bindings, baseCall, returned);
                return;
            }

            TaintReferenced(body, bindings);
        }

        private void ReadStatement(StatementSyntax statement, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall, List<Binding?>? returned)
        {
            if (HasOwnSyntaxErrors(statement))
            {
                // A loop or other statement the reader cannot follow even when complete stays as unknown while it is typed.
                if (statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax or IfStatementSyntax)
                    ReadErroneous(statement, bindings);
                else
                    TaintReferenced(statement, bindings);
                return;
            }

            switch (statement)
            {
                case BlockSyntax block:
                    ReadBlocks.Hold(block);
                    foreach (var inner in block.Statements) ReadStatement(inner, bindings, baseCall, returned);
                    break;
                case ExpressionStatementSyntax expressionStatement:
                    ReadExpression(expressionStatement.Expression, bindings, baseCall);
                    break;
                case LocalDeclarationStatementSyntax declaration:
                    foreach (var variable in declaration.Declaration.Variables)
                    {
                        if (variable.Initializer is null) continue;
                        var result = ReadExpression(variable.Initializer.Value, bindings, null);
                        if (result is not null) bindings[variable.Identifier.ValueText] = result;
                    }

                    break;
                case ReturnStatementSyntax returnStatement:
                    if (returnStatement.Expression is not null)
                    {
                        var result = ReadExpression(returnStatement.Expression, bindings, null);
                        returned?.Add(result);
                    }

                    break;
                case IfStatementSyntax ifStatement:
                    ReadIf(ifStatement, bindings, baseCall, returned);
                    break;
                case EmptyStatementSyntax:
                case LocalFunctionStatementSyntax:
                    break;
                default:
                    TaintReferenced(statement, bindings);
                    break;
            }
        }

        /// <summary>
        /// A branch runs when its condition holds: a provider test (<c>Database.IsNpgsql()</c>) is decided by the context's
        /// provider; any other condition leaves both branches uncertain, so they state nothing and make what they touch unknown.
        /// </summary>
        private void ReadIf(IfStatementSyntax ifStatement, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall, List<Binding?>? returned)
        {
            var holds = ProviderConditions.Evaluate(ifStatement.Condition, Model.Provider);
            if (holds == true)
            {
                ReadStatement(ifStatement.Statement, bindings, baseCall, returned);
                return;
            }

            if (holds == false)
            {
                if (ifStatement.Else is not null) ReadStatement(ifStatement.Else.Statement, bindings, baseCall, returned);
                return;
            }

            TaintReferenced(ifStatement.Condition, bindings, spareModel: true);
            _uncertainDepth++;
            try
            {
                ReadStatement(ifStatement.Statement, bindings, baseCall, returned);
                if (ifStatement.Else is not null) ReadStatement(ifStatement.Else.Statement, bindings, baseCall, returned);
            }
            finally
            {
                _uncertainDepth--;
            }
        }

        /// <summary>
        /// A statement with syntax errors (being typed) states nothing. What its parsed part reaches becomes unknown: the
        /// builder it starts from when that is narrower than the model, and every entity type it names, since the parser may
        /// have folded the next statement into it.
        /// </summary>
        private void ReadErroneous(SyntaxNode statement, Dictionary<string, Binding> bindings)
        {
            if (_readingErroneous) return;
            _readingErroneous = true;
            try
            {
                ReadErroneousStatement(statement, bindings);
            }
            finally
            {
                _readingErroneous = false;
            }
        }

        /// <summary>
        /// A step the compiler cannot bind (<c>builder.Property(c =&gt; c.Email).builder.HasIndex(...)</c>: a half-typed line that
        /// swallowed the next one and still parses) is code being typed: its statement is read as one with syntax errors.
        /// </summary>
        private void ReadIfUnbound(ChainStep step, Dictionary<string, Binding> bindings)
        {
            if (_readingErroneous) return;
            var node = (ExpressionSyntax?)step.Invocation ?? step.NameSyntax.Parent as ExpressionSyntax;
            if (node is null || Semantics.Symbol(node) is not null || Semantics.HasCandidates(node)) return;
            var statement = node.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is not null) ReadErroneous(statement, bindings);
        }

        private void ReadErroneousStatement(SyntaxNode statement, Dictionary<string, Binding> bindings)
        {
            foreach (var name in statement.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var type = name.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax { Expression: not null } && name.Parent is not null && IsRightOfDot(name)
                    ? null
                    : ResolveType(name) ?? Semantics.TypeInScope(name);
                if (type is null) continue;
                var entity = Model.Find(type);
                if (entity is not null) entity.MakeOpaque();
                else
                {
                    foreach (var configured in Scope.ConfiguredEntities(type)) Model.Find(configured)?.MakeOpaque();
                }
            }

            _uncertainDepth++;
            try
            {
                foreach (var expression in statement.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
                {
                    if (!ChainStep.TryParse(expression, Semantics, out var root, out var steps)
                        || root is not IdentifierNameSyntax identifier || !bindings.TryGetValue(identifier.Identifier.ValueText, out var binding))
                    {
                        // A helper call being typed (or one the parser folded in) may hand on any builder it names.
                        if (expression is InvocationExpressionSyntax call) TaintReferenced(call.ArgumentList, bindings);
                        continue;
                    }

                    if (binding.IsModel) WalkUncertain(binding, steps, bindings);
                    else binding.Taint();
                }
            }
            finally
            {
                _uncertainDepth--;
            }

            TaintReferenced(statement, bindings, spareModel: true);
        }

        private static bool IsRightOfDot(SimpleNameSyntax name) =>
            name.Parent is QualifiedNameSyntax qualified ? qualified.Right == name : name.Parent is MemberAccessExpressionSyntax access && access.Name == name;

        /// <summary>Reads one expression; returns the builder it evaluates to when it is a chain on a tracked builder.</summary>
        private Binding? ReadExpression(ExpressionSyntax expression, Dictionary<string, Binding> bindings, Func<ChainStep, bool>? baseCall)
        {
            if (expression is AssignmentExpressionSyntax assignment) return ReadAssignment(assignment, bindings);
            if (expression is IdentifierNameSyntax name && bindings.TryGetValue(name.Identifier.ValueText, out var named)) return named;
            if (expression is AwaitExpressionSyntax) return Untraceable(expression, bindings);

            if (!ChainStep.TryParse(expression, Semantics, out var root, out var steps))
                return expression is InvocationExpressionSyntax invocation ? ReadCall(invocation, bindings) : Untraceable(expression, bindings);

            if (root is BaseExpressionSyntax && steps.Count == 1 && baseCall is not null && baseCall(steps[0])) return null;
            if (root is IdentifierNameSyntax identifier && bindings.TryGetValue(identifier.Identifier.ValueText, out var current))
                return IsUncertain ? WalkUncertain(current, steps, bindings) : Walk(current, steps, bindings);

            // A call on something that is not a builder (this.Helper(b), Registry.Configure(b)) may still hand a builder on.
            if (expression is InvocationExpressionSyntax call) return ReadCall(call, bindings);
            return Untraceable(expression, bindings);
        }

        private Binding? Walk(Binding current, List<ChainStep> steps, Dictionary<string, Binding> bindings)
        {
            foreach (var step in steps)
            {
                var next = current.Apply(step) ?? ReadHelperStep(current, step, bindings);
                if (next is null)
                {
                    ReadIfUnbound(step, bindings);
                    return null;
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// The steps of code that only might run: a builder a step reaches by selection is followed, a fact a step would state
        /// makes the builder it lands on unknown, and a step not understood makes the builder before it unknown.
        /// </summary>
        private Binding? WalkUncertain(Binding current, List<ChainStep> steps, Dictionary<string, Binding> bindings)
        {
            foreach (var step in steps)
            {
                var next = current.Apply(step) ?? ReadHelperStep(current, step, null);
                if (next is null)
                {
                    if (!current.IsModel) current.Taint();
                    ReadIfUnbound(step, bindings);
                    return null;
                }

                if (ReferenceEquals(next, current))
                {
                    if (!current.IsModel) current.Taint();
                }
                else if (!next.SelectsOnly)
                {
                    next.Taint();
                }

                current = next;
            }

            return current;
        }

        /// <summary>
        /// A step the builder does not know: an extension method of the project's own (read as if written in place, with its
        /// <c>this</c> parameter bound to the builder), or else compiled code, which makes the builder unknown.
        /// Returns the builder the helper returns when it returns one; null ends the chain.
        /// </summary>
        private Binding? ReadHelperStep(Binding current, ChainStep step, Dictionary<string, Binding>? bindings)
        {
            var method = step.Invocation is null ? null : Semantics.Method(step.Invocation);
            if (method?.ReducedFrom is { } extension)
            {
                var arguments = new List<Binding?> { current };
                foreach (var argument in step.Arguments) arguments.Add(bindings is null ? null : BindingOf(argument.Expression, bindings));
                if (TryReadHelper(extension, arguments, out var result))
                {
                    // A helper that returns something the reader cannot tell leaves what the rest of the chain configures unknown.
                    if (result is null && !method.ReturnsVoid && !IsUncertain) current.Taint();
                    return result;
                }

                if (CompiledConfiguration.TryApply(Model, extension, arguments)) return current.IsModel && !method.ReturnsVoid ? current : null;
                if (current.IsModel && !IsUncertain && extension.DeclaringSyntaxReferences.Length == 0)
                    Model.MakeOpaque(CompiledConfiguration.Describe(extension, "is compiled code that receives the ModelBuilder"));
            }

            if (current.IsModel && !IsUncertain && step.IsCall)
                Model.MakeOpaque($"'{step.Name}' at line {LineOf(step.NameSyntax)} is a ModelBuilder call the analyzers do not model");
            if (!IsUncertain) current.Taint();
            return null;
        }

        /// <summary>
        /// A call that is not a chain on a builder: <c>ConfigureDates(modelBuilder)</c>, <c>Audit.Configure(builder.Entity&lt;T&gt;())</c>,
        /// <c>new BlogConfiguration().Configure(modelBuilder.Entity&lt;Blog&gt;())</c>. Read in place when the project declares it; when it
        /// is compiled code, what it receives becomes unknown.
        /// </summary>
        private Binding? ReadCall(InvocationExpressionSyntax invocation, Dictionary<string, Binding> bindings)
        {
            var arguments = invocation.ArgumentList.Arguments.Select(a => BindingOf(a.Expression, bindings)).ToList();
            Binding? receiver = null;
            if (invocation.Expression is MemberAccessExpressionSyntax access) receiver = BindingOf(access.Expression, bindings);
            if (receiver is null && arguments.All(a => a is null))
            {
                // Builders may still be referenced inside it (lambdas, nested calls) in ways the reader cannot follow.
                TaintReferenced(invocation, bindings);
                return null;
            }

            var method = Semantics.Method(invocation);

            // The base library cannot configure an EF model (ArgumentNullException.ThrowIfNull(modelBuilder), Debug.Assert):
            // handing it a builder changes nothing.
            if (method is not null && IsBaseLibrary(method.ContainingAssembly)) return null;
            if (method is not null && method.ReducedFrom is null) method = DispatchedOnThis(method, invocation);
            if (method is not null)
            {
                var target = method.ReducedFrom ?? method;
                var passed = method.ReducedFrom is null ? arguments : new[] { receiver }.Concat(arguments).ToList();

                // A method of another object (new Helper().Apply(builder)) runs with that object as this.
                var outer = _this;
                if (!method.IsStatic && !IsCalledOnThis(invocation)) _this = null;
                try
                {
                    if (TryReadHelper(target, passed, out var result)) return result;
                }
                finally
                {
                    _this = outer;
                }

                if (CompiledConfiguration.TryApply(Model, target, passed)) return null;
            }

            if (!IsUncertain)
            {
                if (receiver is { IsModel: true } || arguments.Any(a => a is { IsModel: true }))
                    Model.MakeOpaque(method is null
                        ? $"the call at line {LineOf(invocation)} receives the ModelBuilder and the analyzers cannot tell which method it calls"
                        : method.DeclaringSyntaxReferences.Length == 0 ? CompiledConfiguration.Describe(method, "is compiled code that receives the ModelBuilder")
                        : $"'{method.ContainingType?.Name}.{method.Name}' receives the ModelBuilder and has no body the analyzers can read (an interface or abstract method)");
                receiver?.Taint();
                foreach (var argument in arguments) argument?.Taint();
            }

            return null;
        }

        /// <summary><c>Method(...)</c>, <c>this.Method(...)</c> or <c>base.Method(...)</c>: a call whose receiver is the object being read.</summary>
        private static bool IsCalledOnThis(InvocationExpressionSyntax invocation) =>
            invocation.Expression is SimpleNameSyntax || invocation.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax };

        /// <summary>
        /// A virtual or abstract method called on <c>this</c> (<c>ConfigureEntity(builder)</c> in a base configuration class)
        /// runs the override of the class whose object is being read: the nearest one from that class up. Any other call
        /// runs the method it binds to.
        /// </summary>
        private IMethodSymbol DispatchedOnThis(IMethodSymbol method, InvocationExpressionSyntax invocation)
        {
            if (_this is null || method.IsStatic || !(method.IsVirtual || method.IsAbstract || method.IsOverride)) return method;
            if (!IsCalledOnThis(invocation) || invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax }) return method;
            var definition = method.OriginalDefinition;
            for (var current = _this; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition.ContainingType)) return method;
                foreach (var member in current.GetMembers(method.Name))
                {
                    if (member is not IMethodSymbol { IsOverride: true } candidate) continue;
                    for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, definition)) return candidate;
                    }
                }
            }

            return method;
        }

        private static bool IsBaseLibrary(IAssemblySymbol? assembly) =>
            assembly?.Identity.Name is "System.Private.CoreLib" or "System.Runtime" or "netstandard" or "mscorlib" or "System.Diagnostics.Debug";

        private static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

        /// <summary>
        /// Reads a method of the project's own source as if written in place, its parameters bound to the builders passed
        /// (bounded depth, recursion cut). Returns false for a method without source, which the caller treats as unseen code.
        /// </summary>
        private bool TryReadHelper(IMethodSymbol method, IReadOnlyList<Binding?> arguments, out Binding? result)
        {
            result = null;
            var definition = method.OriginalDefinition;
            var reference = definition.DeclaringSyntaxReferences.FirstOrDefault();
            var declaration = reference?.GetSyntax(_cancellationToken);
            if (declaration is not null) ExtractionFootprint.Touch(declaration.SyntaxTree, declaration.Span);
            ParameterListSyntax? parameters;
            SyntaxNode? body;
            switch (declaration)
            {
                case MethodDeclarationSyntax methodDeclaration:
                    parameters = methodDeclaration.ParameterList;
                    body = (SyntaxNode?)methodDeclaration.Body ?? methodDeclaration.ExpressionBody?.Expression;
                    break;
                case LocalFunctionStatementSyntax localFunction:
                    parameters = localFunction.ParameterList;
                    body = (SyntaxNode?)localFunction.Body ?? localFunction.ExpressionBody?.Expression;
                    break;
                default:
                    return false;
            }

            if (body is null || parameters.Parameters.Count != arguments.Count) return false;
            if (_helpers.Count >= MaxHelperDepth || _helpers.Any(h => SymbolEqualityComparer.Default.Equals(h, definition)))
            {
                // A recursive or very deep helper: what it receives is as unknown as if it were compiled code.
                if (!IsUncertain) foreach (var argument in arguments) argument?.Taint();
                return true;
            }

            var bindings = new Dictionary<string, Binding>(StringComparer.Ordinal);
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i] is { } binding) bindings[parameters.Parameters[i].Identifier.ValueText] = binding;
            }

            var returned = new List<Binding?>();
            _helpers.Add(definition);
            try
            {
                ReadBody(body, bindings, null, returned);
            }
            finally
            {
                _helpers.RemoveAt(_helpers.Count - 1);
            }

            result = returned.Count > 0 && returned.All(r => r is not null && ReferenceEquals(r, returned[0])) ? returned[0] : null;
            return true;
        }

        /// <summary>The builder an argument or receiver evaluates to: a tracked name, or a chain on one (<c>modelBuilder.Entity&lt;Blog&gt;()</c>).</summary>
        private Binding? BindingOf(ExpressionSyntax expression, Dictionary<string, Binding> bindings)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            if (expression is IdentifierNameSyntax identifier) return bindings.TryGetValue(identifier.Identifier.ValueText, out var bound) ? bound : null;
            if (!ChainStep.TryParse(expression, Semantics, out var root, out _) || root is not IdentifierNameSyntax rootName || !bindings.ContainsKey(rootName.Identifier.ValueText))
                return null;
            return ReadExpression(expression, bindings, null);
        }

        /// <summary><c>navigation.PropertyAccessMode = ...</c>: an access mode changes no fact; any other assignment on a builder's metadata makes it unknown.</summary>
        private Binding? ReadAssignment(AssignmentExpressionSyntax assignment, Dictionary<string, Binding> bindings)
        {
            if (assignment.Left is MemberAccessExpressionSyntax left && left.Name.Identifier.ValueText == "PropertyAccessMode")
            {
                var target = BindingOf(left.Expression, bindings);
                if (target is not null) return null;
            }

            TaintReferenced(assignment, bindings);
            return null;
        }

        private Binding? Untraceable(SyntaxNode node, Dictionary<string, Binding> bindings)
        {
            TaintReferenced(node, bindings);
            return null;
        }

        /// <summary>Makes unknown every builder the node names; with <paramref name="spareModel"/>, the model builder itself is spared (code that states nothing about it).</summary>
        private void TaintReferenced(SyntaxNode node, Dictionary<string, Binding> bindings, bool spareModel = false)
        {
            foreach (var name in Arguments.Identifiers(node).Select(i => i.Identifier.ValueText).Distinct())
            {
                if (!bindings.TryGetValue(name, out var binding) || (spareModel && binding.IsModel)) continue;
                if (binding.IsModel && !IsUncertain) Model.MakeOpaque($"the code at line {LineOf(node)} uses the ModelBuilder in a way the analyzers cannot follow (a loop over the model, reflection, or a statement they do not model)");
                binding.Taint();
            }
        }

        /// <summary>Syntax errors in the node itself, not only inside a block-bodied lambda whose statements are judged one by one.</summary>
        private static bool HasOwnSyntaxErrors(SyntaxNode node)
        {
            if (!node.ContainsDiagnostics) return false;
            if (node is BlockSyntax) return false;
            foreach (var diagnostic in node.GetDiagnostics())
            {
                if (diagnostic.Severity != DiagnosticSeverity.Error) continue;
                var span = diagnostic.Location.SourceSpan;
                var insideLambdaBlock = node.DescendantNodes(n => true).OfType<BlockSyntax>()
                    .Any(b => b.Parent is LambdaExpressionSyntax && b.Span.Contains(span) && !b.OpenBraceToken.IsMissing && !b.CloseBraceToken.IsMissing);
                if (!insideLambdaBlock) return true;
            }

            return false;
        }
    }
}
