using System.Threading;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// Well-known EF Core and data-annotation types, resolved once per compilation (all but DbContext on first use).
    /// Types that a referenced EF Core version lacks stay null; only <see cref="DbContext"/> is required.
    /// </summary>
    public sealed class EfSymbols
    {
        private readonly EfTypeLookup _types;
        private Resolved? _resolved;

        private EfSymbols(EfTypeLookup types, INamedTypeSymbol dbContext)
        {
            _types = types;
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
            var types = new EfTypeLookup(compilation);
            var dbContext = types.Get("Microsoft.EntityFrameworkCore.DbContext");
            return dbContext is null ? null : new EfSymbols(types, dbContext);
        }

        /// <summary>Another EF Core type of this compilation, looked up where EF Core defines it.</summary>
        internal INamedTypeSymbol? Find(string metadataName) => _types.Get(metadataName);

        public bool IsDbContext(INamedTypeSymbol? type)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, DbContext)) return true;
            }

            return false;
        }

        /// <summary>
        /// Resolved on first use: the compilation-start action runs once per analysis request (the IDE gives each open document's
        /// request a compilation instance of its own), and only the extraction, once per snapshot, needs more than DbContext.
        /// Looking up three dozen metadata names in every referenced assembly was most of that action's time; they are now looked
        /// up where EF Core defines them (<see cref="EfTypeLookup"/>).
        /// </summary>
        private Resolved Types
        {
            get
            {
                var resolved = Volatile.Read(ref _resolved);
                if (resolved is not null) return resolved;
                resolved = new Resolved(_types);
                return Interlocked.CompareExchange(ref _resolved, resolved, null) ?? resolved;
            }
        }

        private sealed class Resolved
        {
            public Resolved(EfTypeLookup types)
            {
                DbSet = types.Get("Microsoft.EntityFrameworkCore.DbSet`1");
                ModelBuilder = types.Get("Microsoft.EntityFrameworkCore.ModelBuilder");
                ModelConfigurationBuilder = types.Get("Microsoft.EntityFrameworkCore.ModelConfigurationBuilder");
                DbContextOptionsBuilder = types.Get("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
                EntityTypeBuilder = types.Get("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1");
                EntityTypeConfiguration = types.Get("Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");
                DatabaseFacade = types.Get("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade");
                SaveChangesInterceptor = types.Get("Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor");
                DbContextFactory = types.Get("Microsoft.EntityFrameworkCore.IDbContextFactory`1");
                KeyAttribute = types.Get("System.ComponentModel.DataAnnotations.KeyAttribute");
                RequiredAttribute = types.Get("System.ComponentModel.DataAnnotations.RequiredAttribute");
                MaxLengthAttribute = types.Get("System.ComponentModel.DataAnnotations.MaxLengthAttribute");
                StringLengthAttribute = types.Get("System.ComponentModel.DataAnnotations.StringLengthAttribute");
                RangeAttribute = types.Get("System.ComponentModel.DataAnnotations.RangeAttribute");
                ColumnAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.ColumnAttribute");
                TableAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.TableAttribute");
                ForeignKeyAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute");
                InversePropertyAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.InversePropertyAttribute");
                NotMappedAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
                DatabaseGeneratedAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.DatabaseGeneratedAttribute");
                ComplexTypeAttribute = types.Get("System.ComponentModel.DataAnnotations.Schema.ComplexTypeAttribute");
                TimestampAttribute = types.Get("System.ComponentModel.DataAnnotations.TimestampAttribute");
                ConcurrencyCheckAttribute = types.Get("System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute");
                PrecisionAttribute = types.Get("Microsoft.EntityFrameworkCore.PrecisionAttribute");
                IndexAttribute = types.Get("Microsoft.EntityFrameworkCore.IndexAttribute");
                PrimaryKeyAttribute = types.Get("Microsoft.EntityFrameworkCore.PrimaryKeyAttribute");
                DeleteBehaviorAttribute = types.Get("Microsoft.EntityFrameworkCore.DeleteBehaviorAttribute");
                KeylessAttribute = types.Get("Microsoft.EntityFrameworkCore.KeylessAttribute");
                OwnedAttribute = types.Get("Microsoft.EntityFrameworkCore.OwnedAttribute");
                BackingFieldAttribute = types.Get("Microsoft.EntityFrameworkCore.BackingFieldAttribute");
                UnicodeAttribute = types.Get("Microsoft.EntityFrameworkCore.UnicodeAttribute");
                CommentAttribute = types.Get("Microsoft.EntityFrameworkCore.CommentAttribute");
                EntityTypeConfigurationAttribute = types.Get("Microsoft.EntityFrameworkCore.EntityTypeConfigurationAttribute");
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
