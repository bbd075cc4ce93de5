using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.SourceModel.Discovery;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>
/// How a type is read into the data the conventions see. The reader takes a <c>DbSet&lt;T&gt;</c>'s element from its type
/// argument rather than from its interfaces; it must read what the interfaces say.
/// </summary>
public class ClrTypeReadingTests
{
    private const string Model = """
        public class Order { public int Id { get; set; } }
        public abstract class Orders : DbSet<Order> { }
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Order>? MaybeOrders { get; set; }
        }
        """;

    [Theory]
    [InlineData("Orders")]
    [InlineData("MaybeOrders")]
    public void A_DbSet_is_read_as_a_collection_of_its_entity_type_as_its_interfaces_say(string property)
    {
        var compilation = SourceModelHarness.Compile(Model);
        var type = ((IPropertySymbol)compilation.GetTypeByMetadataName("ShopContext")!.GetMembers(property).Single()).Type;

        var read = new ClrTypeReader(compilation, EfSymbols.TryCreate(compilation)!).Of(type);

        var byInterfaces = ClrTypes.ShapeOf(type, out var target);
        Assert.True(read.IsCollection);
        Assert.Equal(MemberShape.Collection, byInterfaces);
        Assert.Equal(byInterfaces, read.Shape);
        Assert.Equal("Order", target!.Name);
        Assert.Equal(target.Name, read.ShapeTarget!.Name);
    }

    [Fact]
    public void A_class_deriving_from_DbSet_is_read_through_its_interfaces()
    {
        var compilation = SourceModelHarness.Compile(Model);
        var type = compilation.GetTypeByMetadataName("Orders")!;

        var read = new ClrTypeReader(compilation, EfSymbols.TryCreate(compilation)!).Of(type);

        Assert.True(read.IsCollection);
        Assert.Equal(MemberShape.Collection, read.Shape);
        Assert.Equal("Order", read.ShapeTarget!.Name);
    }

    private const string Members = """
        namespace Shop.Values { public class Guid { } public class String { } }
        public class Sample
        {
            public string Text { get; set; } = "";
            public decimal Price { get; set; }
            public DateTime? When { get; set; }
            public DateTimeOffset At { get; set; }
            public TimeSpan Span { get; set; }
            public System.Guid Id { get; set; }
            public DateOnly Day { get; set; }
            public TimeOnly Time { get; set; }
            public char Letter { get; set; }
            public Half Small { get; set; }
            public byte[] Bytes { get; set; } = null!;
            public byte[,] Grid { get; set; } = null!;
            public int[] Numbers { get; set; } = null!;
            public byte[][] Jagged { get; set; } = null!;
            public Shop.Values.Guid OwnGuid { get; set; } = null!;
            public Shop.Values.String OwnString { get; set; } = null!;
            public Uri Link { get; set; } = null!;
            public Version Version { get; set; } = null!;
        }
        """;

    [Theory]
    [InlineData("Text", true)]
    [InlineData("Price", true)]
    [InlineData("When", true)]
    [InlineData("At", true)]
    [InlineData("Span", true)]
    [InlineData("Id", true)]
    [InlineData("Day", true)]
    [InlineData("Time", true)]
    [InlineData("Letter", true)]
    [InlineData("Small", true)]
    [InlineData("Bytes", true)]
    [InlineData("Grid", true)]
    [InlineData("Numbers", false)]
    [InlineData("Jagged", false)]
    [InlineData("OwnGuid", false)]
    [InlineData("OwnString", false)]
    [InlineData("Link", false)]
    [InlineData("Version", false)]
    public void A_scalar_is_a_type_of_namespace_System_EF_Core_maps_to_one_column(string member, bool scalar)
    {
        var compilation = SourceModelHarness.Compile(Members);
        var type = ((IPropertySymbol)compilation.GetTypeByMetadataName("Sample")!.GetMembers(member).Single()).Type;

        Assert.Equal(scalar, ClrTypes.IsScalar(type));
    }

    [Fact]
    public void A_types_identity_is_the_identity_it_is_read_with_and_tells_closed_generic_versions_apart()
    {
        var compilation = SourceModelHarness.Compile("""
            namespace Shop { public class Setting<T> { public int Id { get; set; } } public class Order { public class Line { } } }
            """);
        var setting = compilation.GetTypeByMetadataName("Shop.Setting`1")!;
        var ofInt = setting.Construct(compilation.GetSpecialType(SpecialType.System_Int32));
        var ofString = setting.Construct(compilation.GetSpecialType(SpecialType.System_String));
        var line = compilation.GetTypeByMetadataName("Shop.Order+Line")!;
        var reader = new ClrTypeReader(compilation, EfSymbols.TryCreate(compilation)!);

        Assert.Equal(compilation.AssemblyName + "|Shop.Setting<int>", reader.IdentityOf(ofInt));
        Assert.Equal(compilation.AssemblyName + "|Shop.Setting<string>", reader.IdentityOf(ofString));
        Assert.Equal(compilation.AssemblyName + "|Shop.Order+Line", reader.IdentityOf(line));
        Assert.Equal(reader.IdentityOf(ofInt), reader.Of(ofInt).Identity);
        Assert.Equal(reader.IdentityOf(line), reader.Of(line).Identity);
    }

    [Fact]
    public void A_type_found_by_its_metadata_name_carries_the_identity_findings_are_placed_by()
    {
        var compilation = SourceModelHarness.Compile("""
            namespace Shop { public class Setting<T> { public int Id { get; set; } } public class Order { public class Line { } } }
            public class Global { }
            """);
        var reader = new ClrTypeReader(compilation, EfSymbols.TryCreate(compilation)!);
        var order = compilation.GetTypeByMetadataName("Shop.Order")!;
        var line = compilation.GetTypeByMetadataName("Shop.Order+Line")!;
        var global = compilation.GetTypeByMetadataName("Global")!;
        var ofInt = compilation.GetTypeByMetadataName("Shop.Setting`1")!.Construct(compilation.GetSpecialType(SpecialType.System_Int32));

        Assert.Equal(TypeIdentity.Of(order), reader.Of(order).TypeIdentity);
        Assert.Equal(TypeIdentity.Of(line), reader.Of(line).TypeIdentity);
        Assert.Equal(TypeIdentity.Of(global), reader.Of(global).TypeIdentity);
        Assert.Null(reader.Of(ofInt).TypeIdentity);
    }
}
