using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Analyzers.SourceModel;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>EF Core's types are looked up where EF Core defines them, and the answer is the one the whole compilation gives.</summary>
public class EfTypeLookupTests
{
    private const string Entity = "public class Order { public int Id { get; set; } }";

    [Fact]
    public void Every_type_the_source_model_reads_is_the_one_the_whole_compilation_finds()
    {
        var compilation = SourceModelHarness.Compile(Entity);
        var symbols = EfSymbols.TryCreate(compilation)!;
        var properties = typeof(EfSymbols).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(INamedTypeSymbol)).ToList();

        Assert.True(properties.Count > 30, "EfSymbols' types were not found by reflection.");
        foreach (var property in properties)
        {
            var found = (INamedTypeSymbol?)property.GetValue(symbols);
            Assert.True(found is not null, $"{property.Name} was not found.");
            var expected = compilation.GetTypeByMetadataName(TypeIdentity.MetadataName(found!));
            Assert.True(SymbolEqualityComparer.Default.Equals(expected, found), $"{property.Name}: {found} is not the compilation's {expected}.");
        }
    }

    [Fact]
    public void A_type_the_compilation_declares_comes_before_EF_Core_s_own()
    {
        var compilation = SourceModelHarness.Compile(Entity + """

            namespace Microsoft.EntityFrameworkCore
            {
                public sealed class CommentAttribute : System.Attribute { }
            }
            """);

        var found = new EfTypeLookup(compilation).Get("Microsoft.EntityFrameworkCore.CommentAttribute");

        Assert.NotNull(found);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, found!.ContainingAssembly));
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.CommentAttribute"), found));
    }

    [Fact]
    public void A_type_outside_EF_Core_and_the_annotations_is_found_in_the_other_references()
    {
        var compilation = SourceModelHarness.Compile(Entity);

        var found = new EfTypeLookup(compilation).Get("Npgsql.NpgsqlConnection");

        Assert.NotNull(found);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName("Npgsql.NpgsqlConnection"), found));
    }

    [Fact]
    public void A_name_no_assembly_defines_is_not_found()
    {
        var compilation = SourceModelHarness.Compile(Entity);

        Assert.Null(new EfTypeLookup(compilation).Get("Microsoft.EntityFrameworkCore.NoSuchAttribute"));
    }

    [Fact]
    public void A_compilation_without_EF_Core_finds_the_stand_in_its_source_declares()
    {
        var source = """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext { }
                public class DbSet<T> { }
            }
            """;
        var corlib = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
        var compilation = CSharpCompilation.Create("StandIn", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { corlib },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var symbols = EfSymbols.TryCreate(compilation);

        Assert.NotNull(symbols);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.Assembly, symbols!.DbSet!.ContainingAssembly));
        Assert.Null(symbols.ModelBuilder);
    }
}
