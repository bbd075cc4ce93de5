using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Discovery;
using SchemaLint.Analyzers.SourceModel.Drafts;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>An entity type's draft as discovery fills it after Fluent code has configured some of its properties.</summary>
public class EntityDraftTests
{
    [Fact]
    public void Making_room_for_members_keeps_the_properties_configured_so_far_in_their_order()
    {
        var draft = NewDraft();
        var status = draft.Property("Status");
        draft.Property("Code");

        draft.ReserveMembers(12);
        draft.Property("Name");

        Assert.Equal(new[] { "Status", "Code", "Name" }, draft.Properties.Keys);
        Assert.Same(status, draft.Property("Status"));
    }

    [Fact]
    public void Making_room_for_members_keeps_the_properties_already_declared()
    {
        var draft = NewDraft();
        var id = draft.Property("Id");
        draft.Declared.Add(id);

        draft.ReserveMembers(8);

        Assert.Equal(new[] { id }, draft.Declared);
    }

    private static EntityDraft NewDraft()
    {
        var compilation = SourceModelHarness.Compile("public class Order { public int Id { get; set; } }");
        var type = new ClrTypeReader(compilation, EfSymbols.TryCreate(compilation)!).Of(compilation.GetTypeByMetadataName("Order")!);
        return new EntityDraft(type.EntityName, type);
    }
}
