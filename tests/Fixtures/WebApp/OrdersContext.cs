using Microsoft.EntityFrameworkCore;

namespace WebApp;

public class OrdersContext : DbContext
{
    public OrdersContext(DbContextOptions<OrdersContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();
}

public class Order
{
    public int Id { get; set; }

    // Money as a floating-point number: SL2001.
    public double Total { get; set; }
}
