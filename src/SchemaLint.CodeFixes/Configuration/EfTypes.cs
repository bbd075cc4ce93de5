using Microsoft.CodeAnalysis;

namespace SchemaLint.CodeFixes.Configuration
{
    /// <summary>The EF Core types a fix needs to recognise configuration code; null when the compilation lacks them.</summary>
    internal sealed class EfTypes
    {
        private EfTypes(Compilation compilation, INamedTypeSymbol dbContext)
        {
            DbContext = dbContext;
            DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            ModelBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ModelBuilder");
            EntityTypeBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
            EntityTypeConfiguration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
            TableBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Metadata.Builders.TableBuilder`1");
        }

        public INamedTypeSymbol DbContext { get; }
        public INamedTypeSymbol? DbSet { get; }
        public INamedTypeSymbol? ModelBuilder { get; }
        public INamedTypeSymbol? EntityTypeBuilder { get; }
        public INamedTypeSymbol? EntityTypeConfiguration { get; }

        /// <summary><c>ToTable(t => t.HasCheckConstraint(...))</c> needs it (EF Core 7 and later).</summary>
        public INamedTypeSymbol? TableBuilder { get; }

        public static EfTypes? From(Compilation compilation)
        {
            var dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            return dbContext is null ? null : new EfTypes(compilation, dbContext);
        }

        public bool IsEntityTypeBuilderOf(ITypeSymbol? type, INamedTypeSymbol entity) =>
            type is INamedTypeSymbol { IsGenericType: true } named
            && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, EntityTypeBuilder)
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0].OriginalDefinition, entity.OriginalDefinition);

        public bool IsDbContext(ITypeSymbol? type)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext)) return true;
            }

            return false;
        }
    }
}
