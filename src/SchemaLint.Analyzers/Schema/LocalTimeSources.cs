using System.Collections.Generic;
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

        /// <summary>The <c>DateTime.Now</c>/<c>DateTime.Today</c> references whose local time ends up in <paramref name="value"/>.</summary>
        public static IEnumerable<IOperation> In(IOperation value)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return In(conversion.Operand);
                case IConditionalOperation conditional:
                    return conditional.WhenFalse is null ? In(conditional.WhenTrue) : Both(conditional.WhenTrue, conditional.WhenFalse);
                case ICoalesceOperation coalesce:
                    return Both(coalesce.Value, coalesce.WhenNull);
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Now" or "Today" } property } when IsDateTime(property.ContainingType):
                    return new[] { value };
                case IPropertyReferenceOperation { Instance: { } instance, Property.Name: "Date" } property when IsDateTime(property.Type):
                    return In(instance);
                case IInvocationOperation { Instance: { } instance } invocation when IsDateTime(invocation.Type) && IsDateTime(instance.Type) && KindPreservingMembers.Contains(invocation.TargetMethod.Name):
                    return In(instance);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary when IsDateTime(binary.Type):
                    return IsDateTime(binary.LeftOperand.Type) ? In(binary.LeftOperand) : In(binary.RightOperand);
                default:
                    return System.Array.Empty<IOperation>();
            }
        }

        public static bool IsDateTime(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
            return type?.SpecialType == SpecialType.System_DateTime;
        }

        private static IEnumerable<IOperation> Both(IOperation first, IOperation second)
        {
            foreach (var source in In(first)) yield return source;
            foreach (var source in In(second)) yield return source;
        }
    }
}
