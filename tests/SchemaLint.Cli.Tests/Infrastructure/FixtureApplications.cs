namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>
/// The compiled fixture applications under tests/Fixtures, built once per test run (one <c>dotnet build</c> of
/// Fixtures.slnx) and shared by every test in <see cref="CommandCollection"/>.
/// </summary>
public sealed class FixtureApplications
{
    public FixtureApplications()
    {
        var build = ProcessResult.Run("dotnet", new[] { "build", Path.Combine(Root, "Fixtures.slnx"), "-nologo", "-v:q", "-c", "Debug" }, Root, timeout: TimeSpan.FromMinutes(15));
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the fixture applications failed." + Environment.NewLine + build);
    }

    public static string Root => Repository.Path("tests", "Fixtures");

    /// <summary>Design-time factory: ShopContext, Product.Price as double.</summary>
    public string FactoryApp => Assembly("FactoryApp");

    /// <summary>Host.CreateDefaultBuilder + AddDbContext in Main, which then serves forever: BlogContext, Comment.Content capped at 50.</summary>
    public string HostedApp => Assembly("HostedApp");

    /// <summary>Minimal hosting: WebApplication.CreateBuilder + AddDbContext, then app.Run(): OrdersContext, Order.Total as double.</summary>
    public string WebApp => Assembly("WebApp");

    /// <summary>A static CreateHostBuilder beside a Main that throws: LedgerContext, Entry.Amount as double.</summary>
    public string CreateHostBuilderApp => Assembly("CreateHostBuilderApp");

    /// <summary>Class library, parameterless constructor + OnConfiguring, on EF Core 10.0.0: InventoryContext, StockItem.Cost as float.</summary>
    public string ConstructorLibrary => Assembly("ConstructorLibrary");

    /// <summary>Contexts that cannot be audited: a throwing constructor, a throwing factory, a model EF Core rejects.</summary>
    public string BrokenApp => Assembly("BrokenApp");

    /// <summary>
    /// SQLite on EF Core 10.0.15 (a later patch than schemalint's), with EF Core's design package: StoreContext (design-time
    /// factory, Purchase.Amount as double) and ArchiveContext (parameterless constructor); <c>SqliteApp create &lt;file&gt;</c> creates the store's database.
    /// </summary>
    public string SqliteApp => Assembly("SqliteApp");

    /// <summary>
    /// Design-time factory: ShopContext with a migrations history scaffolded by dotnet ef, each migration after the first
    /// planting one unsafe change (SL7001-SL7006), and Customer.Phone in the model but in no migration (SL7007).
    /// </summary>
    public string MigrationsApp => Assembly("MigrationsApp");

    /// <summary>
    /// ASP.NET Core Identity (design-time factory): AppIdentityContext : IdentityDbContext&lt;AppUser&gt;, AppUser : IdentityUser with
    /// an unbounded DisplayName, and Order (Total without precision) from IdentityApp.Orders, a class library it references as a project.
    /// </summary>
    public string IdentityApp => Assembly("IdentityApp");

    /// <summary>Uses EF Core and Npgsql but has no DbContext.</summary>
    public string NoContextApp => Assembly("NoContextApp");

    /// <summary>
    /// Four factory-made contexts in this order: RejectedModelContext (OnModelCreating throws "The tenant schema says no"),
    /// EndlessModelContext (OnModelCreating never returns), OverflowingContext (endless recursion), StoreContext (healthy:
    /// Invoice.Total as double).
    /// </summary>
    public string PartialApp => Assembly("PartialApp");

    /// <summary>
    /// Factories that misbehave: ExitingFactory (prints, then Environment.Exit(42)), CrashingThreadFactory (an exception on a
    /// thread of its own), ChattyFactory (200 MB on stdout, then a healthy context), EnvironmentProbeFactory (writes to
    /// $PROBE_REPORT whether it can read $PROBE_DATABASE).
    /// </summary>
    public string UnrulyApp => Assembly("UnrulyApp");

    /// <summary>Web SDK; Main serves raw TCP forever without building a host; TicketsContext only takes options.</summary>
    public string NoHostApp => Assembly("NoHostApp");

    /// <summary>Web SDK; Main could build a WebApplication (with -hosted) but by default serves raw TCP; QuotesContext only takes options.</summary>
    public string SelfServingApp => Assembly("SelfServingApp");

    /// <summary>Main sleeps forever before it builds the host that registers LibraryContext; AuditTrailContext has a factory.</summary>
    public string SlowStartupApp => Assembly("SlowStartupApp");

    public static string ProjectDirectory(string name) => Path.Combine(Root, name);

    private static string Assembly(string name) => Path.Combine(Root, name, "bin", "Debug", "net10.0", name + ".dll");
}

[CollectionDefinition(Name)]
public sealed class CommandCollection : ICollectionFixture<FixtureApplications>
{
    public const string Name = "schemalint command against fixture applications";
}
