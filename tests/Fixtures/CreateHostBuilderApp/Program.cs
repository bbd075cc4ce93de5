using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreateHostBuilderApp;

public static class Program
{
    // dotnet ef never runs Main when this method exists; neither may schemalint.
    public static void Main(string[] args) => throw new InvalidOperationException("Main must not run at design time.");

    public static IHostBuilder CreateHostBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureServices(services => services.AddDbContext<LedgerContext>(options => options.UseNpgsql("Host=localhost;Database=ledger")));
}

public class LedgerContext : DbContext
{
    public LedgerContext(DbContextOptions<LedgerContext> options)
        : base(options)
    {
    }

    public DbSet<Entry> Entries => Set<Entry>();
}

public class Entry
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Amount { get; set; }
}
