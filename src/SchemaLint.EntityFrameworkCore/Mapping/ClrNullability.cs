using System;
using System.Linq;
using System.Reflection;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Mapping
{
    /// <summary>
    /// Reads nullable-reference-type annotations from metadata (the compiler's NullableAttribute and NullableContextAttribute),
    /// which is all that survives compilation of <c>#nullable</c> intent.
    /// </summary>
    internal sealed class ClrNullability
    {
        // NullabilityInfoContext caches per member and is not thread-safe; one per read keeps it so.
        private readonly NullabilityInfoContext _context = new NullabilityInfoContext();

        /// <summary>How a member of reference type is annotated; NotApplicable for value types; unknown without a member.</summary>
        public Fact<ReferenceNullability> Of(MemberInfo? member, Type clrType)
        {
            if (clrType.IsValueType) return ReferenceNullability.NotApplicable;
            var state = ReadState(member);
            return state switch
            {
                NullabilityState.NotNull => ReferenceNullability.NotAnnotated,
                NullabilityState.Nullable => ReferenceNullability.Annotated,
                NullabilityState.Unknown => ReferenceNullability.Oblivious,
                _ => Fact<ReferenceNullability>.Unknown,
            };
        }

        /// <summary>
        /// Whether nullable reference types were on where the type was declared. Only reference-typed members tell:
        /// a type whose members are all value types carries no annotation either way, so the answer stays unknown.
        /// </summary>
        public Fact<bool> IsEnabledFor(Type? type)
        {
            if (type is null) return Fact<bool>.Unknown;
            var members = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
                .Cast<MemberInfo>()
                .ToList();
            if (members.Count == 0) return Fact<bool>.Unknown;
            var states = members.Select(ReadState).ToList();
            if (states.Any(s => s == NullabilityState.NotNull || s == NullabilityState.Nullable)) return true;
            return states.All(s => s == NullabilityState.Unknown) ? false : Fact<bool>.Unknown;
        }

        private NullabilityState? ReadState(MemberInfo? member)
        {
            try
            {
                return member switch
                {
                    PropertyInfo property => _context.Create(property).ReadState,
                    FieldInfo field => _context.Create(field).ReadState,
                    _ => null,
                };
            }
            catch (Exception e) when (e is NotSupportedException || e is InvalidOperationException)
            {
                // Trimmed apps can turn nullability metadata off; then the code's intent is simply unknown.
                return null;
            }
        }
    }
}
