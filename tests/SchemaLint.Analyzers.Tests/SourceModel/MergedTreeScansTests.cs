using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// The merge of every tree's code scan that an extraction asks about member writes: a model edit makes its merge from the
/// snapshot before's by taking the edited file's old scan out and its new scan in, and that merge answers as a merge of
/// every tree made from scratch would.
/// </summary>
public sealed class MergedTreeScansTests
{
    private const string Entities = """
        public class Order { public int Id { get; set; } public DateTime CreatedAt { get; set; } = DateTime.UtcNow; public string Note { get; set; } = ""; }
        public class Invoice { public int Id { get; set; } public DateTime UpdatedAt { get; set; } }
        """;

    private const string Service = """
        public static class Orders
        {
            public static void Touch(Invoice invoice) { invoice.UpdatedAt = DateTime.UtcNow; }
            public static void Annotate(Order order) { order.Note = "checked"; }
        }
        """;

    private static SyntaxTree[] Trees(params string[] sources) =>
        sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, path: $"/src/File{index}.cs")).ToArray();

    /// <summary>The trees with the text of tree <paramref name="index"/> edited, the others the very same objects.</summary>
    private static SyntaxTree[] Edited(SyntaxTree[] trees, int index, string find, string replacement)
    {
        var edited = (SyntaxTree[])trees.Clone();
        var text = trees[index].GetText();
        var at = text.ToString().IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in tree {index}");
        edited[index] = trees[index].WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replacement)));
        return edited;
    }

    private static readonly string[] Names = { "Id", "CreatedAt", "UpdatedAt", "Note", "Total", "ShippedAt" };

    private static void AssertSameAnswers(MergedTreeScans expected, MergedTreeScans actual)
    {
        foreach (var name in Names)
        {
            Assert.Equal(expected.IsAssigned(name), actual.IsAssigned(name));
            Assert.Equal(expected.IsUpdated(name), actual.IsUpdated(name));
            Assert.Equal(expected.IsMentioned(name), actual.IsMentioned(name));
            Assert.Equal(
                (expected.WritesOf(name) ?? Array.Empty<TreeWrite>()).Select(write => write.Target?.ToString()).OrderBy(text => text),
                (actual.WritesOf(name) ?? Array.Empty<TreeWrite>()).Select(write => write.Target?.ToString()).OrderBy(text => text));
        }

        Assert.Equal(expected.HasUntraceableWrites, actual.HasUntraceableWrites);
        Assert.Equal(expected.Registrations.Keys.OrderBy(key => key), actual.Registrations.Keys.OrderBy(key => key));
    }

    [Fact]
    public void An_edited_file_s_new_writes_are_merged_in_and_its_old_ones_taken_out()
    {
        var trees = Trees(Entities, Service);
        var before = MergedTreeScans.Of(trees, CancellationToken.None);
        var edited = Edited(trees, 1, "order.Note = \"checked\";", "order.Total = 1; order.ShippedAt = DateTime.UtcNow;");

        var patched = before.For(edited, CancellationToken.None)!;

        Assert.Equal(1, patched.TreesTakenOver);
        AssertSameAnswers(MergedTreeScans.Of(edited, CancellationToken.None), patched);
        Assert.True(patched.IsUpdated("ShippedAt"));
        Assert.False(patched.IsUpdated("Note"));
        Assert.Single(patched.WritesOf("Note")!); // the initializer in the entity file is left
    }

    [Fact]
    public void A_name_no_file_writes_any_more_leaves_the_merge()
    {
        var trees = Trees(Entities, Service);
        var edited = Edited(trees, 1, "invoice.UpdatedAt = DateTime.UtcNow;", "");

        var patched = MergedTreeScans.Of(trees, CancellationToken.None).For(edited, CancellationToken.None)!;

        Assert.Null(patched.WritesOf("UpdatedAt"));
        Assert.False(patched.IsAssigned("UpdatedAt"));
    }

    [Fact]
    public void The_merge_before_an_edit_still_answers_for_its_own_files()
    {
        var trees = Trees(Entities, Service);
        var before = MergedTreeScans.Of(trees, CancellationToken.None);

        before.For(Edited(trees, 1, "invoice.UpdatedAt = DateTime.UtcNow;", ""), CancellationToken.None);

        AssertSameAnswers(MergedTreeScans.Of(trees, CancellationToken.None), before);
        Assert.True(before.IsUpdated("UpdatedAt"));
    }

    [Fact]
    public void Untraceable_writes_and_registrations_follow_the_edited_file()
    {
        const string Setup = """
            public static class Setup
            {
                public static void Register(IServiceCollection services) => services.AddDbContext<ShopContext>(o => o.UseNpgsql("x"));
                public static void Copy(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, object values) => entry.CurrentValues.SetValues(values);
            }
            """;
        var trees = Trees(Entities, Service, Setup);
        var before = MergedTreeScans.Of(trees, CancellationToken.None);
        Assert.True(before.HasUntraceableWrites);
        Assert.Equal(new[] { DatabaseProvider.PostgreSql }, before.Registrations["ShopContext"]);

        var edited = Edited(Edited(trees, 2, "entry.CurrentValues.SetValues(values)", "_ = values"), 2, "UseNpgsql", "UseSqlite");
        var patched = before.For(edited, CancellationToken.None)!;

        AssertSameAnswers(MergedTreeScans.Of(edited, CancellationToken.None), patched);
        Assert.False(patched.HasUntraceableWrites);
        Assert.Equal(new[] { DatabaseProvider.Sqlite }, patched.Registrations["ShopContext"]);
    }

    [Fact]
    public void Trees_added_or_renamed_since_are_merged_from_scratch()
    {
        var trees = Trees(Entities, Service);
        var before = MergedTreeScans.Of(trees, CancellationToken.None);
        var renamed = (SyntaxTree[])trees.Clone();
        renamed[1] = CSharpSyntaxTree.ParseText(Service, path: "/src/Renamed.cs");

        Assert.Null(before.For(Trees(Entities, Service, "public class Extra { }"), CancellationToken.None));
        Assert.Null(before.For(renamed, CancellationToken.None));
    }

    [Fact]
    public void The_same_files_take_every_tree_over()
    {
        var trees = Trees(Entities, Service);
        var before = MergedTreeScans.Of(trees, CancellationToken.None);

        var again = before.For((SyntaxTree[])trees.Clone(), CancellationToken.None)!;

        Assert.Equal(trees.Length, again.TreesTakenOver);
        AssertSameAnswers(before, again);
    }
}
