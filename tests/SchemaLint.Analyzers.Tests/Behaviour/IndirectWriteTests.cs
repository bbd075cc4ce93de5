using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit can change what code writes into an entity type it leaves alone: the edited file also writes the member,
/// a write in another file now binds to another type, or a body edit since the last model edit changed an answer. The
/// schema kept across snapshots still says what a fresh extraction says about which points in time code writes. These are
/// the edits any carrying of a kept entity type's answers must see (bench/ANALYSIS.md, run 18).
/// </summary>
public sealed class IndirectWriteTests
{
    private const string Context = RuleVerifier.Usings + """
        public class BillingContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
        }
        """;

    private const string Order = RuleVerifier.Usings + """
        public class Order
        {
            public int Id { get; set; }
            public string Note { get; set; } = "";
            public DateTime? UpdatedAt { get; set; }
        }
        """;

    private const string Invoice = RuleVerifier.Usings + """
        public class Invoice
        {
            public int Id { get; set; }
            public DateTime CreatedAt { get; set; }
            public DateTime? UpdatedAt { get; set; }
        }
        """;

    private const string Billing = RuleVerifier.Usings + """
        public class Billing
        {
            public void Touch(Invoice invoice)
            {
                invoice.UpdatedAt = DateTime.UtcNow;
            }
        }
        """;

    private const string OrderNote = "public string Note { get; set; } = \"\";";

    [Fact]
    public void A_model_edit_that_also_writes_a_member_of_an_entity_type_it_keeps_is_seen()
    {
        var (compilation, _) = Analyzed(Context, Order, Invoice, Billing);

        var edited = Edit(compilation, 1, OrderNote,
            OrderNote + "\n    public int Lines { get; set; }\n    public void Reissue(Invoice invoice) => invoice.CreatedAt = DateTime.UtcNow;");
        var schema = Schema(edited);

        var createdAt = schema.Models.Single().FindEntity("Invoice")!.Properties.Single(p => p.Name == "CreatedAt");
        Assert.True(createdAt.IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void A_write_elsewhere_that_now_binds_to_another_entity_type_is_seen()
    {
        const string ledger = RuleVerifier.Usings + """
            public class Ledger
            {
                public Invoice Open { get; set; } = null!;
            }
            """;
        const string closing = RuleVerifier.Usings + """
            public class Closing
            {
                public void Close(Ledger ledger)
                {
                    ledger.Open.UpdatedAt = DateTime.UtcNow;
                }
            }
            """;
        var (compilation, _) = Analyzed(Context, Order, Invoice, ledger, closing);

        // The write in Closing, a file the edit leaves alone, now lands on Order's UpdatedAt instead of Invoice's.
        var edited = Edit(compilation, 3, "public Invoice Open { get; set; } = null!;", "public Order Open { get; set; } = null!;");
        var schema = Schema(edited);

        Assert.True(UpdatedAt(schema, "Order").IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    [Fact]
    public void An_answer_a_body_edit_changed_before_a_model_edit_is_kept()
    {
        var (compilation, _) = Analyzed(Context, Order, Invoice, Billing);

        // A body edit changes an answer, and the cache patches the model it carries over; the next model edit leaves Invoice alone.
        var patched = Edit(compilation, 3, "invoice.UpdatedAt = DateTime.UtcNow;", "invoice.UpdatedAt = DateTime.UtcNow;\n        invoice.CreatedAt = DateTime.UtcNow;");
        Schema(patched);
        var edited = Edit(patched, 1, OrderNote, OrderNote + "\n    public int Lines { get; set; }");
        var schema = Schema(edited);

        var createdAt = schema.Models.Single().FindEntity("Invoice")!.Properties.Single(p => p.Name == "CreatedAt");
        Assert.True(createdAt.IsUpdatedByCode.Is(true));
        Assert.Equal(SchemaSnapshot.Of(Fresh(edited), edited), SchemaSnapshot.Of(schema, edited));
    }

    private static PropertyModel UpdatedAt(AnalyzedSchema schema, string entity) =>
        schema.Models.Single().FindEntity(entity)!.Properties.Single(p => p.Name == "UpdatedAt");
}
