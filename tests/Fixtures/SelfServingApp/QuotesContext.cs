using Microsoft.EntityFrameworkCore;

namespace SelfServingApp;

public class QuotesContext(DbContextOptions<QuotesContext> options) : DbContext(options)
{
    public DbSet<Quote> Quotes => Set<Quote>();
}

public class Quote
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}
