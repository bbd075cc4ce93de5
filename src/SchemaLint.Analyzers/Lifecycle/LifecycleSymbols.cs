using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.Lifecycle
{
    /// <summary>The EF Core types the lifecycle rules look for, resolved once per compilation.</summary>
    internal sealed class LifecycleSymbols
    {
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core", "xunit.assert", "xunit.v3.core", "xunit.v3.assert",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
        };

        private LifecycleSymbols(INamedTypeSymbol dbContext, INamedTypeSymbol? databaseFacade, INamedTypeSymbol? contextFactory, INamedTypeSymbol? migration, INamedTypeSymbol? snapshot, bool isTestProject)
        {
            DbContext = dbContext;
            DatabaseFacade = databaseFacade;
            ContextFactory = contextFactory;
            Migration = migration;
            ModelSnapshot = snapshot;
            IsTestProject = isTestProject;
        }

        public INamedTypeSymbol DbContext { get; }
        public INamedTypeSymbol? DatabaseFacade { get; }

        /// <summary><c>IDbContextFactory&lt;TContext&gt;</c>, unconstructed.</summary>
        public INamedTypeSymbol? ContextFactory { get; }

        public INamedTypeSymbol? Migration { get; }
        public INamedTypeSymbol? ModelSnapshot { get; }

        /// <summary>The compilation references a test framework: xunit, NUnit or MSTest.</summary>
        public bool IsTestProject { get; }

        /// <summary>Null when EF Core is not referenced: then nothing is registered.</summary>
        public static LifecycleSymbols? TryCreate(Compilation compilation)
        {
            var types = new EfTypeLookup(compilation);
            var dbContext = types.Get("Microsoft.EntityFrameworkCore.DbContext");
            if (dbContext is null) return null;
            return new LifecycleSymbols(
                dbContext,
                types.Get("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade"),
                types.Get("Microsoft.EntityFrameworkCore.IDbContextFactory`1"),
                types.Get("Microsoft.EntityFrameworkCore.Migrations.Migration"),
                types.Get("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot"),
                compilation.ReferencedAssemblyNames.Any(a => TestFrameworkAssemblies.Contains(a.Name)));
        }

        public bool IsDbContext(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext)) return true;
            }

            return false;
        }

        /// <summary><c>CreateDbContext</c>/<c>CreateDbContextAsync</c> of an <c>IDbContextFactory&lt;T&gt;</c>, called on the interface or an implementation.</summary>
        public bool IsFactoryCreate(IMethodSymbol method)
        {
            if (ContextFactory is null || (method.Name != "CreateDbContext" && method.Name != "CreateDbContextAsync")) return false;
            var type = method.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, ContextFactory)) return true;
            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, ContextFactory));
        }
    }
}
