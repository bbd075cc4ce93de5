using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Migrations
{
    /// <summary>The EF Core types the migration analyzer needs, resolved once per compilation; null when EF Core's relational layer is absent.</summary>
    internal sealed class MigrationSymbols
    {
        private MigrationSymbols(INamedTypeSymbol migration, INamedTypeSymbol migrationBuilder, INamedTypeSymbol migrationAttribute, INamedTypeSymbol? dbContextAttribute, DatabaseProvider referencedProvider)
        {
            Migration = migration;
            MigrationBuilder = migrationBuilder;
            MigrationAttribute = migrationAttribute;
            DbContextAttribute = dbContextAttribute;
            ReferencedProvider = referencedProvider;
        }

        public INamedTypeSymbol Migration { get; }

        public INamedTypeSymbol MigrationBuilder { get; }

        public INamedTypeSymbol MigrationAttribute { get; }

        public INamedTypeSymbol? DbContextAttribute { get; }

        /// <summary>The one EF Core provider the compilation references, or Unknown when it references none or several.</summary>
        public DatabaseProvider ReferencedProvider { get; }

        public static MigrationSymbols? TryCreate(Compilation compilation)
        {
            var types = new EfTypeLookup(compilation);
            var migration = types.Get("Microsoft.EntityFrameworkCore.Migrations.Migration");
            var builder = types.Get("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
            var attribute = types.Get("Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute");
            if (migration is null || builder is null || attribute is null) return null;
            var context = types.Get("Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute");
            return new MigrationSymbols(migration, builder, attribute, context, ProviderOf(compilation));
        }

        /// <summary>A non-abstract class deriving from Migration (cheap checks first).</summary>
        public bool IsMigration(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract) return false;
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == "Migration" && SymbolEqualityComparer.Default.Equals(current, Migration)) return true;
            }

            return false;
        }

        private static DatabaseProvider ProviderOf(Compilation compilation)
        {
            var found = DatabaseProvider.Unknown;
            foreach (var assembly in compilation.ReferencedAssemblyNames)
            {
                var provider = assembly.Name switch
                {
                    "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
                    "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
                    "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
                    "Pomelo.EntityFrameworkCore.MySql" => DatabaseProvider.MySql,
                    _ => DatabaseProvider.Unknown,
                };
                if (provider == DatabaseProvider.Unknown || provider == found) continue;
                if (found != DatabaseProvider.Unknown) return DatabaseProvider.Unknown;
                found = provider;
            }

            return found;
        }
    }
}
