using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// Well-known EF Core and data-annotation types, resolved once per compilation.
    /// Types that a referenced EF Core version lacks stay null; only <see cref="DbContext"/> is required.
    /// </summary>
    public sealed class EfSymbols
    {
        private EfSymbols(Compilation compilation, INamedTypeSymbol dbContext)
        {
            DbContext = dbContext;
            DbSet = Get(compilation, "Microsoft.EntityFrameworkCore.DbSet`1");
            ModelBuilder = Get(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder");
            ModelConfigurationBuilder = Get(compilation, "Microsoft.EntityFrameworkCore.ModelConfigurationBuilder");
            DbContextOptionsBuilder = Get(compilation, "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
            EntityTypeBuilder = Get(compilation, "Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
            EntityTypeConfiguration = Get(compilation, "Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
            DatabaseFacade = Get(compilation, "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade");
            SaveChangesInterceptor = Get(compilation, "Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor");
            DbContextFactory = Get(compilation, "Microsoft.EntityFrameworkCore.IDbContextFactory`1");

            KeyAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.KeyAttribute");
            RequiredAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.RequiredAttribute");
            MaxLengthAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.MaxLengthAttribute");
            StringLengthAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.StringLengthAttribute");
            RangeAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.RangeAttribute");
            ColumnAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute");
            TableAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.TableAttribute");
            ForeignKeyAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute");
            InversePropertyAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.InversePropertyAttribute");
            NotMappedAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
            DatabaseGeneratedAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute");
            ComplexTypeAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.Schema.ComplexTypeAttribute");
            TimestampAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.TimestampAttribute");
            ConcurrencyCheckAttribute = Get(compilation, "System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute");
            PrecisionAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.PrecisionAttribute");
            IndexAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.IndexAttribute");
            PrimaryKeyAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.PrimaryKeyAttribute");
            DeleteBehaviorAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.DeleteBehaviorAttribute");
            KeylessAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.KeylessAttribute");
            OwnedAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.OwnedAttribute");
            BackingFieldAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.BackingFieldAttribute");
            UnicodeAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.UnicodeAttribute");
            CommentAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.CommentAttribute");
            EntityTypeConfigurationAttribute = Get(compilation, "Microsoft.EntityFrameworkCore.EntityTypeConfigurationAttribute");
        }

        public INamedTypeSymbol DbContext { get; }
        public INamedTypeSymbol? DbSet { get; }
        public INamedTypeSymbol? ModelBuilder { get; }
        public INamedTypeSymbol? ModelConfigurationBuilder { get; }
        public INamedTypeSymbol? DbContextOptionsBuilder { get; }
        public INamedTypeSymbol? EntityTypeBuilder { get; }
        public INamedTypeSymbol? EntityTypeConfiguration { get; }
        public INamedTypeSymbol? DatabaseFacade { get; }
        public INamedTypeSymbol? SaveChangesInterceptor { get; }
        public INamedTypeSymbol? DbContextFactory { get; }

        public INamedTypeSymbol? KeyAttribute { get; }
        public INamedTypeSymbol? RequiredAttribute { get; }
        public INamedTypeSymbol? MaxLengthAttribute { get; }
        public INamedTypeSymbol? StringLengthAttribute { get; }
        public INamedTypeSymbol? RangeAttribute { get; }
        public INamedTypeSymbol? ColumnAttribute { get; }
        public INamedTypeSymbol? TableAttribute { get; }
        public INamedTypeSymbol? ForeignKeyAttribute { get; }
        public INamedTypeSymbol? InversePropertyAttribute { get; }
        public INamedTypeSymbol? NotMappedAttribute { get; }
        public INamedTypeSymbol? DatabaseGeneratedAttribute { get; }
        public INamedTypeSymbol? ComplexTypeAttribute { get; }
        public INamedTypeSymbol? TimestampAttribute { get; }
        public INamedTypeSymbol? ConcurrencyCheckAttribute { get; }
        public INamedTypeSymbol? PrecisionAttribute { get; }
        public INamedTypeSymbol? IndexAttribute { get; }
        public INamedTypeSymbol? PrimaryKeyAttribute { get; }
        public INamedTypeSymbol? DeleteBehaviorAttribute { get; }
        public INamedTypeSymbol? KeylessAttribute { get; }
        public INamedTypeSymbol? OwnedAttribute { get; }
        public INamedTypeSymbol? BackingFieldAttribute { get; }
        public INamedTypeSymbol? UnicodeAttribute { get; }
        public INamedTypeSymbol? CommentAttribute { get; }
        public INamedTypeSymbol? EntityTypeConfigurationAttribute { get; }

        /// <summary>The symbols, or null when the compilation does not reference EF Core (then nothing needs analyzing).</summary>
        public static EfSymbols? TryCreate(Compilation compilation)
        {
            var dbContext = Get(compilation, "Microsoft.EntityFrameworkCore.DbContext");
            return dbContext is null ? null : new EfSymbols(compilation, dbContext);
        }

        public bool IsDbContext(INamedTypeSymbol? type)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext)) return true;
            }

            return false;
        }

        private static INamedTypeSymbol? Get(Compilation compilation, string metadataName) => compilation.GetTypeByMetadataName(metadataName);
    }
}
