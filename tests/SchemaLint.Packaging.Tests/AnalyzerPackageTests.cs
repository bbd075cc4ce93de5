using System.Text.Json;
using System.Xml.Linq;

namespace SchemaLint.Packaging.Tests;

[Collection(ConsumerCollection.Name)]
public sealed class AnalyzerPackageTests
{
    private readonly ConsumerProject _consumer;

    public AnalyzerPackageTests(ConsumerProject consumer) => _consumer = consumer;

    [Fact]
    public void Package_carries_analyzers_code_fixes_and_core_under_analyzers_dotnet_cs_only()
    {
        var assemblies = _consumer.PackageEntries().Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal);

        Assert.Equal(
            new[] { "analyzers/dotnet/cs/SchemaLint.Analyzers.dll", "analyzers/dotnet/cs/SchemaLint.CodeFixes.dll", "analyzers/dotnet/cs/SchemaLint.Core.dll" },
            assemblies);
    }

    [Fact]
    public void Package_is_a_development_dependency_without_dependencies()
    {
        var nuspec = XDocument.Parse(_consumer.Nuspec());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void Consumer_build_prints_SchemaLint_warnings()
    {
        Assert.Contains("Payment.cs(8,19): warning SL2001", _consumer.Build.Stdout.Replace('\\', '/'));
    }

    [Fact]
    public void Consumer_gets_no_SchemaLint_assembly_at_run_time()
    {
        var output = Path.Combine(_consumer.Directory, "bin", "Debug", "net10.0");

        Assert.True(File.Exists(Path.Combine(output, "Shop.dll")));
        Assert.Empty(Directory.GetFiles(output, "SchemaLint.*"));
    }

    [Fact]
    public void Error_log_writes_the_warnings_as_SARIF()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(_consumer.SarifPath));

        var results = sarif.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "SL2001");
    }

    [Fact]
    public void Package_carries_the_build_props_that_add_the_baseline_file()
    {
        Assert.Contains("build/SchemaLint.Analyzers.props", _consumer.PackageEntries());
    }

    [Fact]
    public void A_baseline_file_at_the_repository_root_silences_the_finding_it_holds()
    {
        // The consumer's parent folder stands for its repository root; the props find the nearest schemalint.baseline.json above
        // the project. The hash is SHA-256 of the fingerprint's parts, as schemalint audit --write-baseline writes it.
        var baseline = Path.Combine(_consumer.Scratch, "schemalint.baseline.json");
        File.WriteAllText(baseline, """
            {
              "version": 1,
              "entries": [
                { "ruleId": "SL2001", "context": "Shop.ShopContext", "entity": "Shop.Payment", "member": "Amount", "hash": "3bd118dca34a73f3" }
              ]
            }
            """);
        try
        {
            var build = _consumer.Run("build", "--no-restore", "--no-incremental");

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("SL2001", build.Stdout);
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Fact]
    public void Warnings_as_errors_fail_the_build()
    {
        var build = _consumer.Run("build", "--no-restore", "--no-incremental", "-warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SL2001", build.Stdout);
    }
}
