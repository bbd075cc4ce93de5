using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlowStartupApp;

Console.WriteLine("SlowStartupApp is waiting for its configuration server.");
Thread.Sleep(Timeout.Infinite);

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDbContext<LibraryContext>(options => options.UseNpgsql("Host=localhost;Database=library"));
builder.Build().Run();
