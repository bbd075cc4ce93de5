using System.Threading;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// Well-known EF Core and data-annotation types, resolved once per compilation (all but DbContext on first use).
    /// Types that a referenced EF Core version lacks stay null; only <see cref="DbContext"/> is required.
    /// </summary>
    public sealed class EfSymbols
    {
        private readonly Compilation _compilation;
        private Resolved? _resolved;

        private EfSymbols(Compilation compilation, INamedTypeSymbol dbContext)
        {
            _compilation = compilation;
            DbContext = dbContext;
        }

        public INamedTypeSymbol DbContext { get; }
        public INamedTypeSymbol? DbSet => Types.DbSet;
        public INamedTypeSymbol? ModelBuilder => Types.ModelBuilder;
        public INamedTypeSymbol? ModelConfigurationBuilder => Types.ModelConfigurationBuilder;
        public INamedTypeSymbol? DbContextOptionsBuilder => Types.DbContextOptionsBuilder;
        public INamedTypeSymbol? EntityTypeBuilder => Types.EntityTypeBuilder;
        public INamedTypeSymbol? EntityTypeConfiguration => Types.EntityTypeConfiguration;
        public INamedTypeSymbol? DatabaseFacade => Types.DatabaseFacade;
        public INamedTypeSymbol? SaveChangesInterceptor => Types.SaveChangesInterceptor;
        public INamedTypeSymbol? DbContextFactory => Types.DbContextFactory;

        public INamedTypeSymbol? KeyAttribute => Types.KeyAttribute;
        public INamedTypeSymbol? RequiredAttribute => Types.RequiredAttribute;
        public INamedTypeSymbol? MaxLengthAttribute => Types.MaxLengthAttribute;
        public INamedTypeSymbol? StringLengthAttribute => Types.StringLengthAttribute;
        public INamedTypeSymbol? RangeAttribute => Types.RangeAttribute;
        public INamedTypeSymbol? ColumnAttribute => Types.ColumnAttribute;
        public INamedTypeSymbol? TableAttribute => Types.TableAttribute;
        public INamedTypeSymbol? ForeignKeyAttribute => Types.ForeignKeyAttribute;
        public INamedTypeSymbol? InversePropertyAttribute => Types.InversePropertyAttribute;
        public INamedTypeSymbol? NotMappedAttribute => Types.NotMappedAttribute;
        public INamedTypeSymbol? DatabaseGeneratedAttribute => Types.DatabaseGeneratedAttribute;
        public INamedTypeSymbol? ComplexTypeAttribute => Types.ComplexTypeAttribute;
        public INamedTypeSymbol? TimestampAttribute => Types.TimestampAttribute;
        public INamedTypeSymbol? ConcurrencyCheckAttribute => Types.ConcurrencyCheckAttribute;
        public INamedTypeSymbol? PrecisionAttribute => Types.PrecisionAttribute;
        public INamedTypeSymbol? IndexAttribute => Types.IndexAttribute;
        public INamedTypeSymbol? PrimaryKeyAttribute => Types.PrimaryKeyAttribute;
        public INamedTypeSymbol? DeleteBehaviorAttribute => Types.DeleteBehaviorAttribute;
        public INamedTypeSymbol? KeylessAttribute => Types.KeylessAttribute;
        public INamedTypeSymbol? OwnedAttribute => Types.OwnedAttribute;
        public INamedTypeSymbol? BackingFieldAttribute => Types.BackingFieldAttribute;
        public INamedTypeSymbol? UnicodeAttribute => Types.UnicodeAttribute;
        public INamedTypeSymbol? CommentAttribute => Types.CommentAttribute;
        public INamedTypeSymbol? EntityTypeConfigurationAttribute => Types.EntityTypeConfigurationAttribute;

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

        /// <summary>
        /// Resolved on first use: the compilation-start action runs once per analysis request (the IDE gives each open document's
        /// request a compilation instance of its own), and only the extraction, once per snapshot, needs more than DbContext.
        /// Looking up three dozen metadata names in every referenced assembly was most of that action's time.
        /// </summary>
        private Resolved Types
        {
            get
            {
                var resolved = Volatile.Read(ref _resolved);
                if (resolved is not null) return resolved;
                resolved = new Resolved(_compilation);
                return Interlocked.CompareExchange(ref _resolved, resolved, null) ?? resolved;
            }
        }

        private sealed class Resolved
        {
            public Resolved(Compilation compilation)
            {
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
        }
    }
}
