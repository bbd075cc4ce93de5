using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Tests.RealModels;

/// <summary>How the real-model yardstick reads a folder of models and keeps its baseline; these run everywhere, CI included.</summary>
public sealed class RealModelCorpusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("schemalint-real-models-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_model_is_compiled_with_the_nullable_context_and_implicit_usings_its_properties_record()
    {
        Write("shop/real-model.properties", "nullable=warnings\nimplicit-usings=true\nsource=owner+name@abc1234\n");
        Write("shop/Entities/Order.cs", "namespace Shop; public class Order { public int Id { get; set; } public List<string> Tags { get; set; } }");

        var model = Assert.Single(RealModelCorpus.Load(_root));
        var compilation = model.Compile();

        Assert.Equal(NullableContextOptions.Warnings, compilation.Options.NullableContextOptions);
        Assert.Contains(model.Files, file => file.Path == "ImplicitUsings.g.cs");
        Assert.DoesNotContain(compilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0246"); // List<T> found through the implicit usings
    }

    [Fact]
    public void A_model_without_properties_is_compiled_nullable_enabled_without_implicit_usings()
    {
        Write("plain/Order.cs", "namespace Shop; public class Order { public int Id { get; set; } }");

        var model = Assert.Single(RealModelCorpus.Load(_root));

        Assert.Equal(NullableContextOptions.Enable, model.Nullable);
        Assert.Equal(new[] { "Order.cs" }, model.Files.Select(file => file.Path));
    }

    [Fact]
    public void Migrations_and_build_output_are_not_read_as_model_sources()
    {
        Write("shop/Data/ShopContext.cs", "namespace Shop; public class ShopContext { }");
        Write("shop/Data/Migrations/20240101_Initial.cs", "namespace Shop; public class Initial { }");
        Write("shop/obj/Debug/Generated.cs", "namespace Shop; public class Generated { }");
        Write("shop/bin/Debug/Copied.cs", "namespace Shop; public class Copied { }");

        var model = Assert.Single(RealModelCorpus.Load(_root));

        Assert.Equal(new[] { "Data/ShopContext.cs" }, model.Files.Select(file => file.Path));
    }

    [Fact]
    public void A_nullable_context_the_compiler_does_not_have_is_refused_naming_the_file()
    {
        Write("shop/real-model.properties", "nullable=sometimes\n");

        var error = Assert.Throws<InvalidDataException>(() => RealModelCorpus.Load(_root));

        Assert.Contains("real-model.properties: nullable=sometimes", error.Message);
    }

    [Fact]
    public void An_empty_folder_is_refused_with_how_to_fill_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RealModelCorpus.Load(_root));

        Assert.Contains("scripts/real-models.sh", error.Message);
    }

    [Fact]
    public void Recording_the_baseline_replaces_the_models_present_and_keeps_the_others()
    {
        var path = Path.Combine(_root, "real-models.baseline");
        File.WriteAllText(path, "# header\n\n## kavita\nfindings: 3\n\n## smartstore\nfindings: 0\n");

        RealModelBaseline.Write(path, RealModelBaseline.Read(path), new Dictionary<string, string> { ["kavita"] = "findings: 4", ["eshop"] = "findings: 1" });
        var recorded = RealModelBaseline.Read(path);

        Assert.Equal(new[] { "eshop", "kavita", "smartstore" }, recorded.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("findings: 4", recorded["kavita"]);
        Assert.Equal("findings: 0", recorded["smartstore"]);
        Assert.Equal("findings: 1", recorded["eshop"]);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
