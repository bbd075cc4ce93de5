using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds EF Core's and the data annotations' types by metadata name in the assemblies that define them, before asking the
    /// whole compilation. <see cref="Compilation.GetTypeByMetadataName"/> searches every referenced assembly (about two
    /// hundred in an app) for each name, and every edit is a new compilation: the analyzers' start actions and a model edit's
    /// extraction paid that for four dozen names on every keystroke.
    /// </summary>
    /// <remarks>
    /// The answer is the compilation's: a type the compilation declares itself still comes first, and a name the home
    /// assemblies lack (an older EF Core, a type forwarded elsewhere, a test's stand-in) is asked of the whole compilation.
    /// Only a type defined twice, in a home assembly and in another reference, resolves differently: to the home assembly's,
    /// where the compilation-wide lookup finds it ambiguous. Holds the compilation: make one per compilation, keep it no longer.
    /// </remarks>
    internal sealed class EfTypeLookup
    {
        /// <summary>EF Core, its attributes and relational layer, and the data annotations under each kind of target framework.</summary>
        private static readonly string[] HomeAssemblyNames =
        {
            "Microsoft.EntityFrameworkCore",
            "Microsoft.EntityFrameworkCore.Abstractions",
            "Microsoft.EntityFrameworkCore.Relational",
            "System.ComponentModel.Annotations",
            "System.ComponentModel.DataAnnotations",
            "netstandard",
        };

        private readonly Compilation _compilation;
        private readonly List<IAssemblySymbol> _homes = new(HomeAssemblyNames.Length);

        public EfTypeLookup(Compilation compilation)
        {
            _compilation = compilation;
            var referenced = compilation.SourceModule.ReferencedAssemblySymbols;
            foreach (var name in HomeAssemblyNames)
            {
                foreach (var assembly in referenced)
                {
                    if (!string.Equals(assembly.Identity.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                    _homes.Add(assembly);
                    break;
                }
            }
        }

        public INamedTypeSymbol? Get(string metadataName)
        {
            if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } declared) return declared;
            foreach (var home in _homes)
            {
                if (home.GetTypeByMetadataName(metadataName) is { TypeKind: not TypeKind.Error } type) return type;
            }

            return _compilation.GetTypeByMetadataName(metadataName);
        }
    }
}
