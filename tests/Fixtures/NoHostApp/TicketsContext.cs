using Microsoft.EntityFrameworkCore;

namespace NoHostApp;

public class TicketsContext(DbContextOptions<TicketsContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
}

public class Ticket
{
    public int Id { get; set; }

    public string Title { get; set; } = "";
}
