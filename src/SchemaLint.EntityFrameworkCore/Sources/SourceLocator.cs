using System;
using System.Collections.Concurrent;
using System.Reflection;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Sources
{
    /// <summary>
    /// Points model elements at source through the portable PDB of the assembly that declares them:
    /// a property or navigation at its declaration (found from its accessor), a field at its declaration, otherwise its entity type's declaration, otherwise nowhere.
    /// </summary>
    internal static class SourceLocator
    {
        // Symbols are read once per assembly for the life of the process; assemblies do not change under a running test host.
        private static readonly ConcurrentDictionary<Assembly, Lazy<AssemblySymbols?>> Symbols = new ConcurrentDictionary<Assembly, Lazy<AssemblySymbols?>>();

        /// <summary>
        /// A property's declaration (found above its getter's, else its setter's, first line), a field's declaration, a method's
        /// first line; null when no symbols say.
        /// </summary>
        public static SourceLocation? ForMember(MemberInfo? member)
        {
            if (member is null) return null;
            if (member is FieldInfo field) return SymbolsOf(field.Module.Assembly)?.FirstLineOf(field);
            if (member is PropertyInfo property && ((MethodBase?)property.GetMethod ?? property.SetMethod) is { } accessor)
                return SymbolsOf(accessor.Module.Assembly)?.FirstLineOf(property, accessor);
            return member is MethodBase method ? SymbolsOf(method.Module.Assembly)?.FirstLineOf(method) : null;
        }

        /// <summary>The type's file at its first member with sequence points.</summary>
        public static SourceLocation? ForType(Type? type)
        {
            if (type is null || type.IsGenericType && type.GetGenericTypeDefinition().Assembly == typeof(object).Assembly) return null;
            return SymbolsOf(type.Assembly)?.FirstLineOf(type);
        }

        private static AssemblySymbols? SymbolsOf(Assembly assembly)
        {
            if (assembly.IsDynamic) return null;
            return Symbols.GetOrAdd(assembly, a => new Lazy<AssemblySymbols?>(() => AssemblySymbols.TryOpen(a))).Value;
        }
    }
}
