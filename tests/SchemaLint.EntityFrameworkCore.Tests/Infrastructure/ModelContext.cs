using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A DbContext whose model is whatever the test says. EF Core caches one model per context type; the cache key here is the
/// test's model delegate, so each inline model is built once and never leaks into another test.
/// </summary>
public sealed class ModelContext : DbContext
{
    private readonly Action<ModelBuilder> _model;
    private readonly Action<ModelConfigurationBuilder>? _conventions;
    private readonly Action<DbContextOptionsBuilder> _provider;

    private ModelContext(Action<DbContextOptionsBuilder> provider, Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions)
    {
        _provider = provider;
        _model = model;
        _conventions = conventions;
    }

    /// <summary>PostgreSQL: a relational model. No server is needed to build it.</summary>
    public static ModelContext Npgsql(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null) =>
        new(o => o.UseNpgsql("Host=localhost;Database=x"), model, conventions);

    /// <summary>SQL Server: a relational model with SQL Server's type mappings (nvarchar(450) keys, filtered unique indexes). No server is needed.</summary>
    public static ModelContext SqlServer(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null) =>
        new(o => o.UseSqlServer("Server=localhost;Database=x"), model, conventions);

    /// <summary>SQLite: a relational model with SQLite's type mappings (TEXT for every string and decimal, INTEGER keys). No file is opened.</summary>
    public static ModelContext Sqlite(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null) =>
        new(o => o.UseSqlite("Data Source=schemalint-model-only.db"), model, conventions);

    public static ModelContext InMemory(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null) =>
        new(o => o.UseInMemoryDatabase("schemalint-tests"), model, conventions);

    internal object CacheKey => (_model, _conventions);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        _provider(optionsBuilder);
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, PerModelCacheKeyFactory>();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => _conventions?.Invoke(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => _model(modelBuilder);

    private sealed class PerModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is ModelContext model ? (model.CacheKey, designTime) : (context.GetType(), designTime);
    }
}
