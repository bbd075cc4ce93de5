using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using NoHostApp;

// The application creates its context itself; nothing registers it anywhere schemalint could find it.
var options = new DbContextOptionsBuilder<TicketsContext>().UseNpgsql("Host=localhost;Database=tickets").Options;
var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
Console.WriteLine($"NoHostApp is serving on port {((IPEndPoint)listener.LocalEndpoint).Port}.");
while (true)
{
    using var client = listener.AcceptTcpClient();
    using var context = new TicketsContext(options);
    client.GetStream().Write("open tickets: 0\n"u8);
}
