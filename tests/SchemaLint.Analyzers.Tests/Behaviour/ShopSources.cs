using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Entity types of the small shop model that several specifications of edits across snapshots start from: an order, the
/// customer it belongs to, and an invoice with a point in time.
/// </summary>
internal static class ShopSources
{
    public const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public Customer Customer { get; set; } = null!;
        }
        """;

    public const string Customer = RuleVerifier.Usings + """
        public class Customer
        {
            public int Id { get; set; }
            public List<Order> Orders { get; set; } = new();
        }
        """;

    public const string Invoice = RuleVerifier.Usings + """
        public class Invoice
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; }
        }
        """;
}
