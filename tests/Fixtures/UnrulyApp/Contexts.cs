using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UnrulyApp;

public class ExitingContext(DbContextOptions<ExitingContext> options) : DbContext(options);

/// <summary>Gives up on the whole process, saying why on stdout first, as a console application's guard clause does.</summary>
public class ExitingFactory : IDesignTimeDbContextFactory<ExitingContext>
{
    public ExitingContext CreateDbContext(string[] args)
    {
        Console.WriteLine("No tenant is configured; shutting down.");
        Environment.Exit(42);
        return null!;
    }
}

public class CrashingThreadContext(DbContextOptions<CrashingThreadContext> options) : DbContext(options);

/// <summary>Starts a background worker that throws; nothing catches it, so the runtime ends the process.</summary>
public class CrashingThreadFactory : IDesignTimeDbContextFactory<CrashingThreadContext>
{
    public CrashingThreadContext CreateDbContext(string[] args)
    {
        var worker = new Thread(() => throw new InvalidOperationException("The cache warm-up found no cache"));
        worker.Start();
        worker.Join();
        return new(Options.For<CrashingThreadContext>());
    }
}

public class ChattyContext(DbContextOptions<ChattyContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
}

/// <summary>Prints 200 MB of progress lines to stdout before it hands over a healthy context.</summary>
public class ChattyFactory : IDesignTimeDbContextFactory<ChattyContext>
{
    public const int Megabytes = 200;

    public ChattyContext CreateDbContext(string[] args)
    {
        var line = new string('.', 1023);
        var stdout = Console.Out;
        for (var i = 0; i < Megabytes * 1024; i++) stdout.WriteLine(line);
        stdout.Flush();
        return new(Options.For<ChattyContext>());
    }
}

public class EnvironmentProbeContext(DbContextOptions<EnvironmentProbeContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
}

/// <summary>Writes to the file PROBE_REPORT names whether the application can read PROBE_DATABASE.</summary>
public class EnvironmentProbeFactory : IDesignTimeDbContextFactory<EnvironmentProbeContext>
{
    public EnvironmentProbeContext CreateDbContext(string[] args)
    {
        var report = Environment.GetEnvironmentVariable("PROBE_REPORT") ?? throw new InvalidOperationException("PROBE_REPORT is not set.");
        File.WriteAllText(report, Environment.GetEnvironmentVariable("PROBE_DATABASE") is null ? "PROBE_DATABASE is hidden" : "PROBE_DATABASE is visible");
        return new(Options.For<EnvironmentProbeContext>());
    }
}

public class Payment
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Amount { get; set; }
}

internal static class Options
{
    public static DbContextOptions<T> For<T>()
        where T : DbContext => new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=unruly").Options;
}
