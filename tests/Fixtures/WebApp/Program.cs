using Microsoft.EntityFrameworkCore;
using WebApp;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<OrdersContext>(options => options.UseNpgsql("Host=localhost;Database=orders"));
var app = builder.Build();
app.MapGet("/", () => "orders");
Console.WriteLine("WebApp is serving.");
app.Run();
