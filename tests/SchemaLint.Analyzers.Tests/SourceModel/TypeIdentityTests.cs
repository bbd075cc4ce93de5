using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Infrastructure;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>The identity caches keep instead of a symbol: the type's assembly and its metadata name.</summary>
public class TypeIdentityTests
{
    private const string Model = """
        namespace Shop.Sales
        {
            public class Order { public class Line { } }
            public class Wrapper<T> { public class Inner<U> { } }
        }
        public class TopLevel { }
        """;

    [Theory]
    [InlineData("Shop.Sales.Order", "Shop.Sales.Order")]
    [InlineData("Shop.Sales.Order+Line", "Shop.Sales.Order+Line")]
    [InlineData("Shop.Sales.Wrapper`1+Inner`1", "Shop.Sales.Wrapper`1+Inner`1")]
    [InlineData("TopLevel", "TopLevel")]
    public void A_type_is_known_by_its_assembly_and_metadata_name(string metadataName, string expected)
    {
        var compilation = SourceModelHarness.Compile(Model);
        var type = compilation.GetTypeByMetadataName(metadataName)!;

        Assert.Equal(expected, TypeIdentity.MetadataName(type));
        Assert.Equal(compilation.AssemblyName + "|" + expected, TypeIdentity.Of(type));
    }

    [Fact]
    public void A_constructed_generic_type_is_known_as_its_definition()
    {
        var compilation = SourceModelHarness.Compile(Model);
        var wrapper = compilation.GetTypeByMetadataName("Shop.Sales.Wrapper`1")!;
        var constructed = wrapper.Construct(compilation.GetSpecialType(SpecialType.System_Int32));

        Assert.Equal(TypeIdentity.Of(wrapper), TypeIdentity.Of(constructed));
    }
}
