using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SelfServingApp;

if (args.Contains("-hosted"))
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddDbContext<QuotesContext>(options => options.UseNpgsql("Host=localhost;Database=quotes"));
    builder.Build().Run();
    return;
}

// Without -hosted the application serves by itself and creates its context per connection.
var options = new DbContextOptionsBuilder<QuotesContext>().UseNpgsql("Host=localhost;Database=quotes").Options;
var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
Console.WriteLine($"SelfServingApp is serving on port {((IPEndPoint)listener.LocalEndpoint).Port}.");
while (true)
{
    using var client = listener.AcceptTcpClient();
    using var context = new QuotesContext(options);
    client.GetStream().Write("quotes: 0\n"u8);
}
