using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Migrations;

namespace SchemaLint.Analyzers.Migrations
{
    /// <summary>
    /// Reads a migration's <c>Up</c> from source: each <c>migrationBuilder.X(...)</c> statement becomes the operation EF Core
    /// would build, with the arguments that are constants (defaults included, as the compiler binds them). What it cannot
    /// read (a loop, a helper call, a non-constant argument) is left unknown, never guessed.
    /// </summary>
    internal sealed class MigrationSourceReader
    {
        private readonly Compilation _compilation;
        private readonly MigrationSymbols _symbols;
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new Dictionary<SyntaxTree, SemanticModel>();

        public MigrationSourceReader(Compilation compilation, MigrationSymbols symbols)
        {
            _compilation = compilation;
            _symbols = symbols;
        }

        /// <summary>Where each operation's finding goes: the SourceLocation the rules see, and the Roslyn location to report at.</summary>
        public Dictionary<SourceLocation, Location> Locations { get; } = new Dictionary<SourceLocation, Location>();

        /// <summary>Provider annotations seen ("Npgsql:", "SqlServer:", "Sqlite:"), a hint when the compilation references several providers.</summary>
        public DatabaseProvider AnnotatedProvider { get; private set; }

        /// <summary>The migration's id from its [Migration] attribute; null for a class EF Core would not run as a migration.</summary>
        public string? IdOf(INamedTypeSymbol type) =>
            type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _symbols.MigrationAttribute))
                ?.ConstructorArguments.FirstOrDefault().Value as string;

        public INamedTypeSymbol? ContextOf(INamedTypeSymbol type)
        {
            if (_symbols.DbContextAttribute is null) return null;
            var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _symbols.DbContextAttribute));
            return attribute?.ConstructorArguments.FirstOrDefault().Value as INamedTypeSymbol;
        }

        public MigrationModel Read(INamedTypeSymbol type, string id, CancellationToken cancellationToken)
        {
            var migration = new MigrationModel(id, type.ToDisplayString());
            var identifier = type.Locations.FirstOrDefault(l => l.IsInSource && !GeneratedModelCode.IsGeneratedFile(l.SourceTree!)) ?? type.Locations.FirstOrDefault(l => l.IsInSource);
            if (identifier is not null) migration.Location = Place(identifier);

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (GeneratedModelCode.IsGeneratedFile(reference.SyntaxTree)) continue;
                ReadReviewMarks(reference.SyntaxTree, migration, cancellationToken);
            }

            var up = type.GetMembers("Up").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1
                && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, _symbols.MigrationBuilder));
            var syntax = up?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
            if (up is null || syntax is null)
            {
                // No Up of its own (inherited, or abstract): nothing to read, and nothing known about what it does.
                migration.IsFullyRead = up is null && type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType, _symbols.Migration);
                return migration;
            }

            var model = ModelOf(syntax.SyntaxTree);
            var body = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody;
            var operation = body is null ? null : model.GetOperation(body, cancellationToken);
            var statements = operation switch
            {
                IBlockOperation block => block.Operations,
                IMethodBodyOperation methodBody => methodBody.BlockBody?.Operations ?? methodBody.ExpressionBody?.Operations ?? ImmutableArrayOf(),
                _ => ImmutableArrayOf(),
            };
            if (operation is null) migration.IsFullyRead = false;

            var builder = up.Parameters[0];
            foreach (var statement in statements)
            {
                if (statement is IReturnOperation { ReturnedValue: null }) continue;
                if (statement is IExpressionStatementOperation { Operation: IInvocationOperation invocation } && TryRead(invocation, builder, migration)) continue;
                if (statement is IExpressionStatementOperation { Operation: IInvocationOperation other } && !Mentions(other, builder)) continue;
                migration.IsFullyRead = false;
            }

            return migration;
        }

        private static System.Collections.Immutable.ImmutableArray<IOperation> ImmutableArrayOf() => System.Collections.Immutable.ImmutableArray<IOperation>.Empty;

        /// <summary>A call that never touches the builder (logging, say) cannot add operations.</summary>
        private static bool Mentions(IOperation operation, IParameterSymbol builder) =>
            operation.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, builder));

        private bool TryRead(IInvocationOperation outer, IParameterSymbol builder, MigrationModel migration)
        {
            // migrationBuilder.CreateIndex(...).Annotation("Npgsql:CreatedConcurrently", true): the chain's root is the builder call.
            var annotations = new Dictionary<string, IOperation>(StringComparer.Ordinal);
            var invocation = outer;
            while (invocation.TargetMethod.Name == "Annotation" && invocation.Instance is IInvocationOperation inner)
            {
                if (String(invocation, "name") is { } key && Argument(invocation, "value") is { } value) annotations[key] = value.Value;
                invocation = inner;
            }

            if (invocation.Instance is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, builder)) return false;
            if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.MigrationBuilder)) return false;
            NoteProvider(annotations.Keys);

            var operation = Operation(invocation, annotations);
            // The method's name, without type arguments: AddColumn in migrationBuilder.AddColumn<string>(...).
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.Identifier.GetLocation() : invocation.Syntax.GetLocation();
            operation.Location = Place(location);
            migration.Operations.Add(operation);
            return true;
        }

        private MigrationOperation Operation(IInvocationOperation call, Dictionary<string, IOperation> annotations)
        {
            var kind = call.TargetMethod.Name switch
            {
                "CreateTable" => MigrationOperationKind.CreateTable,
                "DropTable" => MigrationOperationKind.DropTable,
                "RenameTable" => MigrationOperationKind.RenameTable,
                "AddColumn" => MigrationOperationKind.AddColumn,
                "DropColumn" => MigrationOperationKind.DropColumn,
                "RenameColumn" => MigrationOperationKind.RenameColumn,
                "AlterColumn" => MigrationOperationKind.AlterColumn,
                "CreateIndex" => MigrationOperationKind.CreateIndex,
                "DropIndex" => MigrationOperationKind.DropIndex,
                "RenameIndex" => MigrationOperationKind.RenameIndex,
                "AddForeignKey" => MigrationOperationKind.AddForeignKey,
                "DropForeignKey" => MigrationOperationKind.DropForeignKey,
                "AddCheckConstraint" => MigrationOperationKind.AddCheckConstraint,
                "DropCheckConstraint" => MigrationOperationKind.DropCheckConstraint,
                "AddUniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
                "DropUniqueConstraint" => MigrationOperationKind.DropUniqueConstraint,
                "AddPrimaryKey" => MigrationOperationKind.AddPrimaryKey,
                "DropPrimaryKey" => MigrationOperationKind.DropPrimaryKey,
                "Sql" => MigrationOperationKind.Sql,
                _ => MigrationOperationKind.Other,
            };
            var operation = new MigrationOperation(kind) { Schema = String(call, "schema") };
            switch (kind)
            {
                case MigrationOperationKind.CreateTable:
                case MigrationOperationKind.DropTable:
                    operation.Table = String(call, "name");
                    if (kind == MigrationOperationKind.CreateTable) operation.TableColumns = TableColumns(call);
                    break;
                case MigrationOperationKind.RenameTable:
                    operation.Table = String(call, "name");
                    operation.NewName = String(call, "newName");
                    break;
                case MigrationOperationKind.Sql:
                    operation.Sql = String(call, "sql");
                    break;
                default:
                    operation.Table = String(call, "table");
                    operation.Name = String(call, "name");
                    operation.NewName = String(call, "newName");
                    operation.Columns = Columns(call);
                    operation.PrincipalTable = String(call, "principalTable");
                    break;
            }

            if (kind == MigrationOperationKind.AddColumn || kind == MigrationOperationKind.AlterColumn)
            {
                operation.Column = Column(call, string.Empty, call.TargetMethod.TypeArguments.FirstOrDefault(), annotations);
                operation.Column.Name = operation.Name;
                if (kind == MigrationOperationKind.AlterColumn)
                {
                    var oldType = Argument(call, "oldClrType") is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
                    operation.OldColumn = Column(call, "old", oldType, new Dictionary<string, IOperation>());
                    operation.OldColumn.Name = operation.Name;
                    if (oldType is null && operation.OldColumn.StoreType is null) operation.OldColumn = null;
                }
            }

            if (kind == MigrationOperationKind.CreateIndex)
            {
                operation.IsUnique = Bool(call, "unique");
                operation.Filter = String(call, "filter");
                operation.IsConcurrent = Concurrent(annotations);
            }

            return operation;
        }

        /// <summary>
        /// PostgreSQL: Npgsql's <c>Npgsql:CreatedConcurrently</c>; SQL Server: <c>SqlServer:Online</c>. Absent means not concurrent;
        /// a value that is not a constant is unknown.
        /// </summary>
        private static bool? Concurrent(Dictionary<string, IOperation> annotations)
        {
            foreach (var key in new[] { "Npgsql:CreatedConcurrently", "SqlServer:Online" })
            {
                if (!annotations.TryGetValue(key, out var value)) continue;
                var constant = Unwrapped(value).ConstantValue;
                if (!constant.HasValue) return null;
                if (constant.Value is true) return true;
            }

            return false;
        }

        private ColumnDefinition Column(IInvocationOperation call, string prefix, ITypeSymbol? clrType, Dictionary<string, IOperation> annotations)
        {
            string Name(string parameter) => prefix.Length == 0 ? parameter : prefix + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
            var column = new ColumnDefinition
            {
                ClrType = ClrName(clrType),
                StoreType = String(call, Name("type")),
                IsNullable = Bool(call, Name("nullable")),
                MaxLength = Int(call, Name("maxLength")),
                Precision = Int(call, Name("precision")),
                Scale = Int(call, Name("scale")),
            };
            var defaultValue = Argument(call, Name("defaultValue"));
            var defaultSql = Argument(call, Name("defaultValueSql"));
            var computed = Argument(call, Name("computedColumnSql"));
            var hasValue = Present(defaultValue);
            var hasSql = Present(defaultSql);
            var hasComputed = Present(computed);
            column.HasDefault = hasValue == true || hasSql == true || hasComputed == true ? true
                : hasValue is null || hasSql is null || hasComputed is null ? (bool?)null
                : false;
            column.IsPlaceholderDefault = hasValue == true && hasSql == false && hasComputed == false && IsPlaceholder(defaultValue!);
            column.IsIdentity = annotations.Keys.Any(k => k == "Npgsql:ValueGenerationStrategy" || k == "SqlServer:Identity" || k == "Sqlite:Autoincrement")
                && annotations.Where(a => a.Key.EndsWith("ValueGenerationStrategy", StringComparison.Ordinal)).All(a => !Equals(Unwrapped(a.Value).ConstantValue.Value, 0));
            return column;
        }

        /// <summary>CreateTable's <c>columns: table => new { Id = table.Column&lt;int&gt;(...), ... }</c>.</summary>
        private IReadOnlyList<ColumnDefinition> TableColumns(IInvocationOperation call)
        {
            if (Argument(call, "columns") is not { } argument) return Array.Empty<ColumnDefinition>();
            var creation = argument.DescendantsAndSelf().OfType<IAnonymousObjectCreationOperation>().FirstOrDefault();
            if (creation is null) return Array.Empty<ColumnDefinition>();
            var columns = new List<ColumnDefinition>();
            foreach (var initializer in creation.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                var chain = initializer.Value as IInvocationOperation;
                var annotations = new Dictionary<string, IOperation>(StringComparer.Ordinal);
                while (chain is { TargetMethod.Name: "Annotation", Instance: IInvocationOperation inner })
                {
                    if (String(chain, "name") is { } key && Argument(chain, "value") is { } value) annotations[key] = value.Value;
                    chain = inner;
                }

                NoteProvider(annotations.Keys);
                if (chain is null || chain.TargetMethod.Name != "Column") continue;
                var column = Column(chain, string.Empty, chain.TargetMethod.TypeArguments.FirstOrDefault(), annotations);
                column.Name = String(chain, "name") ?? (initializer.Target as IPropertyReferenceOperation)?.Property.Name;
                columns.Add(column);
            }

            return columns;
        }

        private static IReadOnlyList<string> Columns(IInvocationOperation call)
        {
            if (String(call, "column") is { } single) return new[] { single };
            if (Argument(call, "columns") is not { } argument) return Array.Empty<string>();
            var elements = Unwrapped(argument.Value) switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                _ => default,
            };
            if (elements.IsDefault) return Array.Empty<string>();
            var names = new List<string>();
            foreach (var element in elements)
            {
                if (Unwrapped(element).ConstantValue is not { HasValue: true, Value: string name }) return Array.Empty<string>();
                names.Add(name);
            }

            return names;
        }

        /// <summary>True when an argument supplies a value, false when it is absent or a null constant, null when not a constant.</summary>
        private static bool? Present(IArgumentOperation? argument)
        {
            if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue) return false;
            var value = Unwrapped(argument.Value);
            if (value.ConstantValue.HasValue) return value.ConstantValue.Value is not null;
            return value is IObjectCreationOperation || value is ILiteralOperation ? true : (bool?)null;
        }

        /// <summary>"", 0, false, and the DateTime/Guid zero values EF Core scaffolds for a column that becomes required.</summary>
        private static bool IsPlaceholder(IArgumentOperation argument)
        {
            var value = Unwrapped(argument.Value);
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value switch
                {
                    string text => text.Length == 0,
                    bool flag => !flag,
                    char character => character == '\0',
                    IConvertible number => number.ToDecimal(System.Globalization.CultureInfo.InvariantCulture) == 0m,
                    _ => false,
                };
            }

            if (value is IObjectCreationOperation creation && creation.Type is { } type)
            {
                var constants = creation.Arguments.Select(a => Unwrapped(a.Value).ConstantValue).Where(c => c.HasValue).Select(c => c.Value).ToList();
                if (type.Name == "Guid") return constants.OfType<string>().Any(s => s.Trim('0', '-').Length == 0);
                if (type.Name is "DateTime" or "DateTimeOffset" or "DateOnly") return constants.FirstOrDefault() is 1;
                if (type.Name is "TimeSpan" or "TimeOnly") return constants.All(c => c is 0 or 0L);
            }

            return false;
        }

        private static IArgumentOperation? Argument(IInvocationOperation call, string parameter) =>
            call.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);

        private static string? String(IInvocationOperation call, string parameter) =>
            Argument(call, parameter) is { } argument && Unwrapped(argument.Value).ConstantValue is { HasValue: true, Value: string text } ? text : null;

        private static bool? Bool(IInvocationOperation call, string parameter) =>
            Argument(call, parameter) is { } argument && Unwrapped(argument.Value).ConstantValue is { HasValue: true, Value: bool flag } ? flag : null;

        private static int? Int(IInvocationOperation call, string parameter) =>
            Argument(call, parameter) is { } argument && Unwrapped(argument.Value).ConstantValue is { HasValue: true, Value: int number } ? number : null;

        private static IOperation Unwrapped(IOperation operation)
        {
            while (operation is IConversionOperation conversion) operation = conversion.Operand;
            return operation;
        }

        private static string? ClrName(ITypeSymbol? type)
        {
            if (type is null) return null;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
            if (type is IArrayTypeSymbol array) return ClrName(array.ElementType) + "[]";
            return type.MetadataName;
        }

        private void NoteProvider(IEnumerable<string> annotationNames)
        {
            if (AnnotatedProvider != DatabaseProvider.Unknown) return;
            foreach (var name in annotationNames)
            {
                if (name.StartsWith("Npgsql:", StringComparison.Ordinal)) AnnotatedProvider = DatabaseProvider.PostgreSql;
                else if (name.StartsWith("SqlServer:", StringComparison.Ordinal)) AnnotatedProvider = DatabaseProvider.SqlServer;
                else if (name.StartsWith("Sqlite:", StringComparison.Ordinal)) AnnotatedProvider = DatabaseProvider.Sqlite;
            }
        }

        private static void ReadReviewMarks(SyntaxTree tree, MigrationModel migration, CancellationToken cancellationToken)
        {
            foreach (var trivia in tree.GetRoot(cancellationToken).DescendantTrivia())
            {
                if (!trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)) continue;
                foreach (var id in ReviewMarks.Parse(trivia.ToString())) migration.ReviewedRules.Add(id);
            }
        }

        private SourceLocation Place(Location location)
        {
            var place = SourceLocations.From(location);
            Locations[place] = location;
            return place;
        }

        private SemanticModel ModelOf(SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out var model)) _models[tree] = model = _compilation.GetSemanticModel(tree);
            return model;
        }
    }
}
