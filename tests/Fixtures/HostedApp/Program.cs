using HostedApp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Only the Development environment configures the database, as many applications do.
using var host = Host.CreateDefaultBuilder(args)
    .ConfigureServices((context, services) =>
    {
        var connectionString = context.Configuration.GetConnectionString("Blog")
            ?? throw new InvalidOperationException($"ConnectionStrings:Blog is not configured for the {context.HostingEnvironment.EnvironmentName} environment.");
        services.AddDbContext<BlogContext>(options => options.UseNpgsql(connectionString));
        services.AddHostedService<Heartbeat>();
    })
    .Build();

Console.WriteLine("HostedApp is serving.");
host.Run();
