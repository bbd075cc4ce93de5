using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.Parity;

/// <summary>Issue 5's "parity with EF Core, measured": every fact the source model states must be EF Core's.</summary>
public class ParityTests
{
    private readonly ITestOutputHelper _output;

    public ParityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static IEnumerable<object[]> Models => ParityCorpus.Models.Concat(PatternCorpus.Models).Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(Models))]
    public void Source_model_agrees_with_EF_Core(ParityModel model)
    {
        var results = ParityRunner.Run(model);
        foreach (var unknown in results.Where(r => r.Outcome == Agreement.Unknown)) _output.WriteLine("unknown: " + unknown);
        var mismatches = results.Where(r => r.Outcome == Agreement.Mismatch).ToList();
        Assert.True(mismatches.Count == 0, $"{model.Name}: {mismatches.Count} fact(s) differ from EF Core:\n" + string.Join("\n", mismatches));
        var unknownShare = results.Count == 0 ? 0 : (double)results.Count(r => r.Outcome == Agreement.Unknown) / results.Count;
        _output.WriteLine($"{model.Name}: {results.Count} facts compared, {unknownShare:P1} left unknown.");
        if (model.MaxUnknownShare is double allowed)
            Assert.True(unknownShare <= allowed, $"{model.Name}: {unknownShare:P1} of {results.Count} facts left unknown, more than the {allowed:P0} its code can hide:\n" + string.Join("\n", results.Where(r => r.Outcome == Agreement.Unknown)));
    }

    [Fact]
    public void Corpus_covers_at_least_thirty_models_and_reports_agreement()
    {
        Assert.True(ParityCorpus.Models.Length >= 30);
        var results = ParityCorpus.Models.Concat(PatternCorpus.Models).SelectMany(ParityRunner.Run).ToList();
        var agreed = results.Count(r => r.Outcome == Agreement.Agree);
        var unknown = results.Count(r => r.Outcome == Agreement.Unknown);
        var mismatched = results.Count(r => r.Outcome == Agreement.Mismatch);
        var known = agreed + mismatched;
        _output.WriteLine($"Parity over {ParityCorpus.Models.Length + PatternCorpus.Models.Length} models: {agreed}/{known} known facts agree ({100.0 * agreed / known:F1}%), {unknown} left unknown ({100.0 * unknown / results.Count:F1}% of {results.Count}).");
        Assert.True(known > 0 && unknown < results.Count);
    }
}
