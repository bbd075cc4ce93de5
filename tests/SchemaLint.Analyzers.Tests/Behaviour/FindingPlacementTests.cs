using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// A model edit places its findings in the trees of its own compilation: the trees by path are taken from the snapshot
/// before, each edited file's new tree put in its old one's place.
/// </summary>
public sealed class FindingPlacementTests
{
    private const string Context = RuleVerifier.Usings + """
        public class ShopContext : DbContext
        {
            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<Refund> Refunds => Set<Refund>();
        }
        """;

    private const string Invoice = RuleVerifier.Usings + """
        public class Invoice
        {
            public int Id { get; set; }
            public double Total { get; set; }
        }
        """;

    private const string Refund = RuleVerifier.Usings + """
        public class Refund
        {
            public int Id { get; set; }
            public double Amount { get; set; }
        }
        """;

    [Fact]
    public void A_finding_in_an_edited_file_is_placed_in_its_tree_after_the_edit()
    {
        var (compilation, _) = Analyzed(Context, Invoice, Refund);

        var edited = Edit(compilation, 1, "public int Id { get; set; }", "public int Id { get; set; }\n    public string? Note { get; set; }");
        var schema = Schema(edited);

        var invoiceTree = edited.SyntaxTrees.ElementAt(2);
        Assert.Contains(schema.FindingsIn(invoiceTree), placed => placed.Finding.Message.Contains("Total", StringComparison.Ordinal));
        Assert.Empty(schema.FindingsIn(compilation.SyntaxTrees.ElementAt(2)));
        Assert.Contains(schema.FindingsIn(edited.SyntaxTrees.ElementAt(3)), placed => placed.Finding.Message.Contains("Amount", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finding_in_a_file_whose_path_two_trees_share_stays_unplaced_after_an_edit_to_one_of_them()
    {
        // Two trees of one path cannot be told apart by a finding's location, which names only the path.
        var compilation = Compiled(new[] { (Context, "/src/ShopContext.cs"), (Invoice, "/src/Money.cs"), (Refund, "/src/Money.cs") });
        var first = Schema(compilation);
        Assert.Empty(first.FindingsIn(compilation.SyntaxTrees.ElementAt(1)));

        var tree = compilation.SyntaxTrees.ElementAt(1);
        var text = tree.GetText();
        var at = text.ToString().IndexOf("public int Id", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), "public string? Note { get; set; }\n    "))));
        var schema = Schema(edited);

        Assert.Empty(schema.FindingsIn(edited.SyntaxTrees.ElementAt(1)));
        Assert.Empty(schema.FindingsIn(edited.SyntaxTrees.ElementAt(2)));
        Assert.NotEmpty(schema.Models.Single().FindEntity("Invoice")!.Properties);
    }
}
