using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.Schema;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>What an edit changed in a file's declarations, as other files bind to them: member names, or everything.</summary>
public sealed class DeclarationDeltaTests
{
    [Fact]
    public void Names_a_changed_member_as_other_files_write_it()
    {
        var delta = Between("public static class Limits { public const int Reference = 40; public const int Code = 8; }",
            "public static class Limits { public const int Reference = 80; public const int Code = 8; }");

        Assert.Equal(new[] { "Reference" }, delta.ChangedMembers!);
    }

    [Fact]
    public void Names_an_overload_once_whichever_of_them_changed()
    {
        var delta = Between("public class Orders { public int Find(int id) => id; public int Find(string code) => 0; }",
            "public class Orders { public int Find(int id) => id; public long Find(string code) => 0; }");

        Assert.Equal(new[] { "Find" }, delta.ChangedMembers!);
    }

    [Fact]
    public void An_edit_inside_a_body_changes_no_member()
    {
        var delta = Between("public class Orders { public int Count() { return 1; } }", "public class Orders { public int Count() { return 2; } }");

        Assert.Empty(delta.ChangedMembers!);
    }

    [Fact]
    public void A_changed_base_list_may_change_any_binding()
    {
        var delta = Between("public class Order { }", "public class Order : System.IComparable { public int CompareTo(object? o) => 0; }");

        Assert.Null(delta.ChangedMembers);
    }

    private static DeclarationDelta Between(string before, string after) =>
        DeclarationDelta.Between(CSharpSyntaxTree.ParseText(before), CSharpSyntaxTree.ParseText(after), CancellationToken.None);
}
