using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>Finds <c>DateTime.Now</c>/<c>DateTime.Today</c> in a value, through what keeps the value local time.</summary>
    internal static class LocalTimeSources
    {
        /// <summary>DateTime members that return a DateTime of the same kind: local in, local out.</summary>
        private static readonly HashSet<string> KindPreservingMembers = new HashSet<string>
        {
            "Date", "Add", "AddDays", "AddHours", "AddMinutes", "AddSeconds", "AddMilliseconds", "AddMicroseconds", "AddTicks",
            "AddMonths", "AddYears", "Subtract",
        };

        /// <summary>
        /// The <c>DateTime.Now</c>/<c>DateTime.Today</c> references whose local time ends up in <paramref name="value"/>, following
        /// one step of data flow: a local, a field or a static readonly field read there is local time when what was stored
        /// in it (its initializer, an assignment in the same method or type) is.
        /// </summary>
        public static IEnumerable<IOperation> In(IOperation value) => In(value, followStores: true);

        private static IEnumerable<IOperation> In(IOperation value, bool followStores)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return In(conversion.Operand, followStores);
                case IConditionalOperation conditional:
                    return conditional.WhenFalse is null ? In(conditional.WhenTrue, followStores) : Both(conditional.WhenTrue, conditional.WhenFalse, followStores);
                case ICoalesceOperation coalesce:
                    return Both(coalesce.Value, coalesce.WhenNull, followStores);
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "Today" } property } when IsDateTime(property.ContainingType):
                    return new[] { value };
                case IPropertyReferenceOperation { Instance: { } instance, Property.Name: "Date" } property when IsDateTime(property.Type):
                    return In(instance, followStores);
                case IInvocationOperation { Instance: { } instance } invocation when IsDateTime(invocation.Type) && IsDateTime(instance.Type) && KindPreservingMembers.Contains(invocation.TargetMethod.Name):
                    return In(instance, followStores);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary when IsDateTime(binary.Type):
                    return IsDateTime(binary.LeftOperand.Type) ? In(binary.LeftOperand, followStores) : In(binary.RightOperand, followStores);
                case ILocalReferenceOperation local when followStores && IsDateTime(local.Type):
                    return StoredInLocal(local);
                case IFieldReferenceOperation field when followStores && IsDateTime(field.Type):
                    return StoredInField(field);
                default:
                    return System.Array.Empty<IOperation>();
            }
        }

        /// <summary>What the local's declaration and the assignments to it in the same body store, one step back.</summary>
        private static IEnumerable<IOperation> StoredInLocal(ILocalReferenceOperation use)
        {
            IOperation root = use;
            while (root.Parent is not null) root = root.Parent;
            foreach (var operation in root.DescendantsAndSelf())
            {
                var stored = operation switch
                {
                    IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, use.Local) => initializer.Value,
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, use.Local) => assignment.Value,
                    _ => null,
                };
                if (stored is null) continue;
                foreach (var source in In(stored, followStores: false)) yield return source;
            }
        }

        /// <summary>
        /// What the field's initializer and the assignments to it in its type store, one step back. Only declarations in the
        /// file being analyzed are read: a partial type's other files belong to other analysis passes.
        /// </summary>
        private static IEnumerable<IOperation> StoredInField(IFieldReferenceOperation use)
        {
            var model = use.SemanticModel;
            if (model is null) yield break;
            var field = use.Field;
            var declarations = field.DeclaringSyntaxReferences.Where(r => r.SyntaxTree == model.SyntaxTree).Select(r => r.GetSyntax()).ToList();
            foreach (var declaration in declarations)
            {
                var initializer = declaration.DescendantNodesAndSelf().Select(n => model.GetOperation(n)).OfType<IFieldInitializerOperation>().FirstOrDefault();
                if (initializer is null) continue;
                foreach (var source in In(initializer.Value, followStores: false)) yield return source;
            }

            foreach (var type in field.ContainingType.DeclaringSyntaxReferences.Where(r => r.SyntaxTree == model.SyntaxTree))
            {
                // Only the places that name the field are bound, not every node of the type.
                foreach (var token in type.GetSyntax().DescendantTokens().Where(t => t.ValueText == field.Name))
                {
                    var reference = token.Parent?.AncestorsAndSelf().Take(2).Select(n => model.GetOperation(n)).OfType<IFieldReferenceOperation>().FirstOrDefault();
                    if (reference is null || !SymbolEqualityComparer.Default.Equals(reference.Field, field)) continue;
                    if (reference.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != reference) continue;
                    foreach (var source in In(assignment.Value, followStores: false)) yield return source;
                }
            }
        }

        public static bool IsDateTime(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
            return type?.SpecialType == SpecialType.System_DateTime;
        }

        private static IEnumerable<IOperation> Both(IOperation first, IOperation second, bool followStores)
        {
            foreach (var source in In(first, followStores)) yield return source;
            foreach (var source in In(second, followStores)) yield return source;
        }
    }
}
