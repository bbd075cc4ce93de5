using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace HostedApp;

public class BlogContext : DbContext
{
    public BlogContext(DbContextOptions<BlogContext> options)
        : base(options)
    {
    }

    public DbSet<Comment> Comments => Set<Comment>();
}

public class Comment
{
    public int Id { get; set; }

    // Long text capped short: SL2003.
    [System.ComponentModel.DataAnnotations.MaxLength(50)]
    public string Content { get; set; } = "";
}

/// <summary>Proves the application never starts: it would print once it did.</summary>
public sealed class Heartbeat : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Console.WriteLine("HostedApp started its hosted services.");
        await Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
