using IdentityApp.Orders;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdentityApp;

public class AppUser : IdentityUser
{
    // Unbounded short text: SL2004 on the one column the application adds.
    public string DisplayName { get; set; } = "";
}

public class AppIdentityContext : IdentityDbContext<AppUser>
{
    public AppIdentityContext(DbContextOptions<AppIdentityContext> options)
        : base(options)
    {
    }

    public DbSet<Order> Orders => Set<Order>();
}

public class AppIdentityContextFactory : IDesignTimeDbContextFactory<AppIdentityContext>
{
    public AppIdentityContext CreateDbContext(string[] args) =>
        new AppIdentityContext(new DbContextOptionsBuilder<AppIdentityContext>().UseNpgsql("Host=localhost;Database=identity").Options);
}
