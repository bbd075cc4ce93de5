using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>The <c>ModelBuilder</c> of OnModelCreating.</summary>
    internal sealed class ModelBinding : Binding
    {
        private readonly FluentReader _reader;

        public ModelBinding(FluentReader reader)
        {
            _reader = reader;
        }

        public override void Taint() => _reader.Model.MakeOpaque();

        public override bool IsModel => true;

        public override bool SelectsOnly => true;

        public override Binding? Apply(ChainStep step)
        {
            var model = _reader.Model;
            if (!step.IsCall) return step.Name == "Model" ? new ModelMetadataBinding(_reader) : null;
            switch (step.Name)
            {
                case "Entity" when step.IsCall && step.TypeArguments.Count == 1:
                {
                    var type = _reader.ResolveType(step.TypeArguments[0]);
                    var entity = type is null ? null : model.GetOrAdd(type);
                    if (entity is null) return null;
                    var binding = new EntityBinding(_reader, entity);
                    if (step.Arguments.Count == 1) _reader.ReadLambda(step.Arguments[0], binding);
                    else if (step.Arguments.Count > 1) return null;
                    return binding;
                }

                case "ApplyConfiguration" when step.Arguments.Count == 1:
                {
                    if (step.Arguments[0].Expression is not ObjectCreationExpressionSyntax creation) return null;
                    var configuration = _reader.Scope.ResolveType(creation.Type);
                    var entityType = configuration is null ? null : _reader.Scope.ConfiguredEntity(configuration);
                    var entity = entityType is null ? null : model.GetOrAdd(entityType);
                    if (configuration is null || entityType is null || entity is null) return null;
                    _reader.ApplyConfiguration(configuration, entityType, entity);
                    return this;
                }

                case "ApplyConfigurationsFromAssembly" when step.Arguments.Count == 1:
                    if (!IsThisAssembly(step.Arguments[0].Expression)) return null;
                    _reader.ApplyAllConfigurations();
                    return this;

                case "Ignore" when step.TypeArguments.Count == 1 && step.Arguments.Count == 0:
                {
                    var type = _reader.ResolveType(step.TypeArguments[0]);
                    if (type is null) return null;
                    model.IgnoredTypes.Add(_reader.Scope.Clr.Of(type));
                    var existing = model.Find(type);
                    if (existing is not null) model.Remove(existing);
                    return this;
                }

                case "Owned" when step.TypeArguments.Count == 1:
                {
                    var type = _reader.ResolveType(step.TypeArguments[0]);
                    if (type is null) return null;
                    model.OwnedTypes.Add(_reader.Scope.Clr.Of(type));
                    return this;
                }

                case "HasDefaultSchema":
                case "HasPostgresExtension":
                case "HasPostgresEnum":
                case "HasPostgresRange":
                case "UseCollation":
                case "HasCollation":
                case "UseIdentityByDefaultColumns":
                case "UseIdentityAlwaysColumns":
                case "UseIdentityColumns":
                case "UseSerialColumns":
                case "HasChangeTrackingStrategy":
                case "UsePropertyAccessMode":
                    return step.IsCall ? this : null;

                case "HasSequence":
                case "HasDbFunction":
                    return step.IsCall ? InertBinding.Instance : null;

                default:
                    return null;
            }
        }

        /// <summary><c>typeof(T).Assembly</c> for a type of this compilation, <c>Assembly.GetExecutingAssembly()</c>, <c>GetType().Assembly</c>.</summary>
        private bool IsThisAssembly(ExpressionSyntax expression)
        {
            var text = expression.ToString().Replace(" ", string.Empty);
            if (text == "Assembly.GetExecutingAssembly()" || text == "System.Reflection.Assembly.GetExecutingAssembly()"
                || text == "GetType().Assembly" || text == "this.GetType().Assembly") return true;
            TypeOfExpressionSyntax? typeOf = null;
            if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly" } access)
            {
                typeOf = access.Expression as TypeOfExpressionSyntax;
                if (access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetTypeInfo" } inner })
                    typeOf = inner.Expression as TypeOfExpressionSyntax;
            }

            var type = typeOf is null ? null : _reader.Scope.ResolveType(typeOf.Type);
            return type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _reader.Scope.Compilation.Assembly);
        }
    }
}
