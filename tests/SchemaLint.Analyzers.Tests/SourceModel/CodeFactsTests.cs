using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

public class CodeFactsTests
{
    private const string Model_ = """
        public class TicketContext : DbContext
        {
            public DbSet<Ticket> Tickets => Set<Ticket>();
        }
        public class Ticket { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }

        """;

    [Fact]
    public void Nothing_assigns_the_timestamps()
    {
        var ticket = Model(Model_).Entity("Ticket");
        Assert.True(ticket.Property("CreatedAt").IsAssignedByCode.Is(false));
        Assert.True(ticket.Property("UpdatedAt").IsUpdatedByCode.Is(false));
    }

    [Fact]
    public void Object_initializer_assigns_on_creation_only()
    {
        var ticket = Model(Model_ + "public static class Factory { public static Ticket New() => new Ticket { CreatedAt = DateTime.UtcNow }; }").Entity("Ticket");
        Assert.True(ticket.Property("CreatedAt").IsAssignedByCode.Is(true));
        Assert.True(ticket.Property("CreatedAt").IsUpdatedByCode.Is(false));
    }

    [Fact]
    public void SaveChanges_override_updates_by_property_name()
    {
        var ticket = Model(Model_.Replace("public DbSet<Ticket> Tickets => Set<Ticket>();", """
            public DbSet<Ticket> Tickets => Set<Ticket>();
            public override int SaveChanges()
            {
                foreach (var entry in ChangeTracker.Entries<Ticket>()) entry.Property("UpdatedAt").CurrentValue = DateTime.UtcNow;
                return base.SaveChanges();
            }
            """)).Entity("Ticket");
        Assert.True(ticket.Property("UpdatedAt").IsUpdatedByCode.Is(true));
        Assert.True(ticket.Property("CreatedAt").IsAssignedByCode.Is(false));
    }

    [Fact]
    public void A_name_only_mentioned_in_a_string_is_unknown()
    {
        var ticket = Model(Model_ + """public static class Audit { public static string Column = "UpdatedAt"; }""").Entity("Ticket");
        Assert.False(ticket.Property("UpdatedAt").IsUpdatedByCode.IsKnown);
    }

    [Fact]
    public void Provider_comes_from_OnConfiguring()
    {
        var model = Model(Model_.Replace("public DbSet<Ticket>", "protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseNpgsql(\"Host=x\");\npublic DbSet<Ticket>"));
        Assert.Equal(DatabaseProvider.PostgreSql, model.Provider);
        Assert.True(model.Code.IsObserved);
    }

    [Fact]
    public void Provider_comes_from_the_context_registration()
    {
        var startup = """
            using Microsoft.Extensions.DependencyInjection;
            public static class Startup
            {
                public static void Register(IServiceCollection services) => services.AddDbContext<TicketContext>(o => o.UseNpgsql("Host=x"));
            }
            """;
        var model = Build(Compile(Model_, true, ("Startup.cs", startup))).Models.Single();
        Assert.Equal(DatabaseProvider.PostgreSql, model.Provider);
    }

    [Fact]
    public void Provider_comes_from_a_design_time_factory()
    {
        var factory = """
            using Microsoft.EntityFrameworkCore.Design;
            public class TicketContextFactory : IDesignTimeDbContextFactory<TicketContext>
            {
                public TicketContext CreateDbContext(string[] args)
                {
                    var options = new DbContextOptionsBuilder<TicketContext>().UseNpgsql("Host=x").Options;
                    return new TicketContext(options);
                }
            }
            """;
        var context = Model_.Replace("public class TicketContext : DbContext\n{", "public class TicketContext(DbContextOptions<TicketContext> options) : DbContext(options)\n{");
        var model = Build(Compile(context, true, ("Factory.cs", factory))).Models.Single();
        Assert.Equal(DatabaseProvider.PostgreSql, model.Provider);
    }

    [Fact]
    public void Provider_is_unknown_without_a_provider_call_and_the_option_overrides()
    {
        Assert.Equal(DatabaseProvider.Unknown, Model(Model_).Provider);
        var forced = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>("schemalint.provider", "sqlserver") });
        Assert.Equal(DatabaseProvider.SqlServer, Model(Model_, options: forced).Provider);
    }

    [Fact]
    public void Without_EF_Core_there_are_no_symbols()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("plain", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }") });
        Assert.Null(SchemaLint.Analyzers.SourceModel.EfSymbols.TryCreate(compilation));
    }
}
