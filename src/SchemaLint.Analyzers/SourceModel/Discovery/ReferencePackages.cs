using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Discovery
{
    /// <summary>
    /// Which package declares a type the model uses, by the path the compiler was given for its assembly: NuGet's folder
    /// layout (<c>~/.nuget/packages/&lt;id&gt;/&lt;version&gt;/lib/...</c>) or a targeting pack makes it a package's; source of
    /// this compilation and a project reference's output are the application's (<see cref="PackageAssemblies"/>).
    /// </summary>
    internal sealed class ReferencePackages
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<IAssemblySymbol, string?> _cache = new Dictionary<IAssemblySymbol, string?>(SymbolEqualityComparer.Default);

        public ReferencePackages(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The package that declares <paramref name="type"/>, or null when the application does (or the reference has no path).</summary>
        public string? Of(ITypeSymbol? type)
        {
            var assembly = type?.OriginalDefinition.ContainingAssembly;
            if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly)) return null;
            if (_cache.TryGetValue(assembly, out var known)) return known;
            var path = (_compilation.GetMetadataReference(assembly) as PortableExecutableReference)?.FilePath;
            var package = PackageAssemblies.PackageOfAssemblyPath(path);
            _cache[assembly] = package;
            return package;
        }
    }
}
