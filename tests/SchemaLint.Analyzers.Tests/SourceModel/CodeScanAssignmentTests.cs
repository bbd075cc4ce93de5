using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Code;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// SL3002's fact on the analyzer side: whether code assigns a timestamp is decided per entity type and property (the type
/// whose member the assignment writes), not by the property name alone.
/// </summary>
public sealed class CodeScanAssignmentTests
{
    private const string TwoEntities = """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }
        public class Invoice { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
        }

        """;

    private static (CodeScan Scan, INamedTypeSymbol Order, INamedTypeSymbol Invoice) Scan(string code)
    {
        var compilation = Compile(TwoEntities + code);
        return (new CodeScan(compilation, CancellationToken.None), compilation.GetTypeByMetadataName("Order")!, compilation.GetTypeByMetadataName("Invoice")!);
    }

    [Fact]
    public void Assigning_one_entity_s_CreatedAt_does_not_assign_the_other_s()
    {
        var (scan, order, invoice) = Scan("public static class Orders { public static void Stamp(Order order) => order.CreatedAt = DateTime.UtcNow; }");

        Assert.True(scan.IsAssigned(order, "CreatedAt", declaredInSource: true).Is(true));
        Assert.True(scan.IsAssigned(invoice, "CreatedAt", declaredInSource: true).Is(false));
    }

    [Fact]
    public void An_object_initializer_assigns_the_created_type_s_member_only()
    {
        var (scan, order, invoice) = Scan("public static class Orders { public static Order New() => new Order { CreatedAt = DateTime.UtcNow }; }");

        Assert.True(scan.IsAssigned(order, "CreatedAt", declaredInSource: true).Is(true));
        Assert.True(scan.IsAssigned(invoice, "CreatedAt", declaredInSource: true).Is(false));
    }

    [Fact]
    public void A_property_initializer_assigns_its_own_type_s_member_only()
    {
        var compilation = Compile("""
            public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } = DateTime.UtcNow; }
            public class Invoice { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            """);
        var scan = new CodeScan(compilation, CancellationToken.None);

        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Order")!, "CreatedAt", true).Is(true));
        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Invoice")!, "CreatedAt", true).Is(false));
    }

    [Fact]
    public void An_update_of_one_entity_s_UpdatedAt_is_not_an_update_of_the_other_s()
    {
        var (scan, order, invoice) = Scan("public static class Orders { public static void Touch(Order order) { order.UpdatedAt = DateTime.UtcNow; } }");

        Assert.True(scan.IsUpdated(order, "UpdatedAt", declaredInSource: true).Is(true));
        Assert.True(scan.IsUpdated(invoice, "UpdatedAt", declaredInSource: true).Is(false));
    }

    [Fact]
    public void Assigning_through_an_interface_assigns_every_entity_that_implements_it()
    {
        var compilation = Compile("""
            public interface IAudited { DateTime CreatedAt { get; set; } }
            public class Order : IAudited { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            public class Invoice { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            public class ShopContext : DbContext
            {
                public override int SaveChanges()
                {
                    foreach (var entry in ChangeTracker.Entries<IAudited>()) entry.Entity.CreatedAt = DateTime.UtcNow;
                    return base.SaveChanges();
                }
            }
            """);
        var scan = new CodeScan(compilation, CancellationToken.None);

        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Order")!, "CreatedAt", true).Is(true));
        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Invoice")!, "CreatedAt", true).Is(false));
    }

    [Fact]
    public void Assigning_a_base_class_member_assigns_every_derived_entity()
    {
        var compilation = Compile("""
            public abstract class Audited { public DateTime CreatedAt { get; set; } }
            public class Order : Audited { public int Id { get; set; } }
            public class Invoice { public int Id { get; set; } public DateTime CreatedAt { get; set; } }
            public static class Stamps { public static void Stamp(Audited row) => row.CreatedAt = DateTime.UtcNow; }
            """);
        var scan = new CodeScan(compilation, CancellationToken.None);

        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Order")!, "CreatedAt", true).Is(true));
        Assert.True(scan.IsAssigned(compilation.GetTypeByMetadataName("Invoice")!, "CreatedAt", true).Is(false));
    }

    [Fact]
    public void A_write_by_string_name_may_be_any_entity_s()
    {
        var (scan, order, invoice) = Scan("""
            public static class Stamps
            {
                public static void Stamp(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) => entry.Property("CreatedAt").CurrentValue = DateTime.UtcNow;
            }
            """);

        Assert.True(scan.IsAssigned(order, "CreatedAt", true).Is(true));
        Assert.True(scan.IsAssigned(invoice, "CreatedAt", true).Is(true));
    }

    [Fact]
    public void A_typed_property_lambda_write_is_the_lambda_s_entity_only()
    {
        var (scan, order, invoice) = Scan("""
            public static class Stamps
            {
                public static void Stamp(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Order> entry) => entry.Property(o => o.CreatedAt).CurrentValue = DateTime.UtcNow;
            }
            """);

        Assert.True(scan.IsAssigned(order, "CreatedAt", true).Is(true));
        Assert.True(scan.IsAssigned(invoice, "CreatedAt", true).Is(false));
    }
}
