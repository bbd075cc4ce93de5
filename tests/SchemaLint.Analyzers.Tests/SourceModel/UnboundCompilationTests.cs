using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Tests.Behaviour;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// The reader binds the compilation's assembly and module attributes before anything else (on a compilation nothing has
/// bound, the compiler otherwise gathers them from every file for each symbol it binds; bench/ANALYSIS.md, run 22). What
/// it reads must not depend on that order, nor on attributes that do not bind.
/// </summary>
public class UnboundCompilationTests
{
    private const string Model = """
        [Index(nameof(Email), IsUnique = true)]
        public class Customer
        {
            public int Id { get; set; }
            [MaxLength(200)] public string Email { get; set; } = "";
            public List<Order> Orders { get; set; } = new();
        }

        public class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public Customer Customer { get; set; } = null!;
            public decimal Total { get; set; }
            public DateTime CreatedAt { get; set; }
        }

        public class OrderConfiguration : IEntityTypeConfiguration<Order>
        {
            public void Configure(EntityTypeBuilder<Order> builder) => builder.Property(o => o.Total).HasPrecision(18, 2);
        }

        public class ShopContext : DbContext
        {
            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
        }
        """;

    [Fact]
    public void A_compilation_nothing_has_bound_gives_the_model_of_one_the_compiler_has_bound()
    {
        const string attributes = """
            [assembly: System.Reflection.AssemblyCompany("Shop")]
            [module: System.CLSCompliant(false)]
            """;
        var bound = Fresh(("Model.cs", Model), ("AssemblyInfo.cs", attributes));
        Assert.Empty(bound.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var model = SchemaSnapshot.OfObject(Build(bound).Models.Single());

        Assert.Equal(model, SchemaSnapshot.OfObject(Build(Fresh(("Model.cs", Model), ("AssemblyInfo.cs", attributes))).Models.Single()));
    }

    [Fact]
    public void Assembly_attributes_that_do_not_bind_leave_the_model_as_it_is()
    {
        var withoutAttributes = SchemaSnapshot.OfObject(Build(Fresh(("Model.cs", Model), ("AssemblyInfo.cs", "// no attributes"))).Models.Single());

        // Still being typed: an attribute class that does not exist, and one given arguments it has no constructor for.
        var withBrokenAttributes = Fresh(("Model.cs", Model), ("AssemblyInfo.cs", """
            [assembly: NoSuchAttribute]
            [module: System.CLSCompliant("yes", 2)]
            """));

        Assert.Equal(withoutAttributes, SchemaSnapshot.OfObject(Build(withBrokenAttributes).Models.Single()));
    }
}
