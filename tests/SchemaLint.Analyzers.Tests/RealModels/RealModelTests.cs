using System.Text;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Behaviour;
using SchemaLint.Analyzers.Tests.Packaging;
using Xunit.Abstractions;

namespace SchemaLint.Analyzers.Tests.RealModels;

/// <summary>
/// The yardstick every change to a reader or a rule is held to: public EF Core models nobody here wrote. Opt-in (see
/// <see cref="RealModelFactAttribute"/>): what the analyzers make of each model is compared with the summary recorded in
/// real-models.baseline, and seeded edits to each model are compared with fresh extractions.
/// </summary>
public sealed class RealModelTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 to record the summaries of the models present as the new baseline instead of comparing with it.</summary>
    private const string UpdateVariable = "SCHEMALINT_REAL_MODELS_UPDATE";

    /// <summary>A folder that receives each model's whole snapshot (every fact and finding), to compare two commits finding by finding.</summary>
    private const string SnapshotsVariable = "SCHEMALINT_REAL_MODELS_SNAPSHOTS";

    private static readonly string BaselinePath = Path.Combine(RepositoryPaths.Root, "tests", "SchemaLint.Analyzers.Tests", "RealModels", "real-models.baseline");

    [RealModelFact]
    public void Each_real_model_gives_the_models_and_findings_its_baseline_records()
    {
        var recorded = RealModelBaseline.Read(BaselinePath);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var snapshots = Environment.GetEnvironmentVariable(SnapshotsVariable);
        foreach (var model in RealModelCorpus.Load())
        {
            var compilation = model.Compile();
            var schema = EditSequence.Fresh(compilation);
            found[model.Name] = Summary(schema, compilation);
            output.WriteLine($"## {model.Name}\n{found[model.Name]}");
            if (!string.IsNullOrEmpty(snapshots))
            {
                Directory.CreateDirectory(snapshots);
                File.WriteAllText(Path.Combine(snapshots, model.Name + ".txt"), SchemaSnapshot.Of(schema, compilation));
            }
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            RealModelBaseline.Write(BaselinePath, recorded, found);
            output.WriteLine($"recorded {string.Join(", ", found.Keys)} in {BaselinePath}");
            return;
        }

        var differences = found
            .Where(model => recorded.GetValueOrDefault(model.Key) != model.Value)
            .Select(model => recorded.TryGetValue(model.Key, out var before)
                ? $"{model.Key}: the baseline records\n{before}\nthe analyzers now give\n{model.Value}"
                : $"{model.Key}: no baseline yet; run with {UpdateVariable}=1 to record it")
            .ToList();
        Assert.True(differences.Count == 0,
            string.Join("\n\n", differences) + $"\n\nIf the change is intended, record it with {UpdateVariable}=1 and say why in the commit.");
    }

    [RealModelFact]
    public void Every_seeded_edit_to_a_real_model_gives_the_schema_a_fresh_extraction_gives()
    {
        var differences = new List<string>();
        foreach (var model in RealModelCorpus.Load())
        {
            for (var seed = 1; seed <= 3; seed++)
            {
                var outcome = EditSequence.Run(model.Name, model.Files, edits: 40, seed, model.Nullable);
                output.WriteLine($"{model.Name}, seed {seed}: {outcome.Applied.Count} edits, {outcome.CarriedOver} carried over ({outcome.Patched} with new code facts), {outcome.AnswersTakenOver} code-scan answers taken over, {outcome.Pieces}, {outcome.Differences.Count} differing");
                differences.AddRange(outcome.Differences);
            }
        }

        Assert.Empty(differences);
    }

    /// <summary>What a reviewer compares between two commits: each model's size and unknowns, and the findings per rule.</summary>
    private static string Summary(AnalyzedSchema schema, Compilation compilation)
    {
        var text = new StringBuilder();
        text.Append("read failure: ").AppendLine(schema.ReadFailure ?? "none");
        foreach (var model in schema.Models)
        {
            text.Append("model ").Append(model.ContextName ?? "(no context)").Append(", ").Append(model.Provider).Append(": ")
                .Append(model.Entities.Count).Append(" entity types");
            if (model.UnknownReason is not null) text.Append(", unknown: ").Append(model.UnknownReason);
            else if (!model.IsEntitySetComplete) text.Append(model.OnlyPackageEntityTypesUnseen ? ", package entity types unseen" : ", entity set incomplete");
            text.AppendLine();
        }

        var findings = compilation.SyntaxTrees.SelectMany(schema.FindingsIn).GroupBy(placed => placed.Finding.RuleId).OrderBy(rule => rule.Key, StringComparer.Ordinal).ToList();
        text.Append("findings: ").Append(findings.Sum(rule => rule.Count())).AppendLine();
        foreach (var rule in findings) text.Append(rule.Key).Append(": ").Append(rule.Count()).AppendLine();
        return text.ToString().TrimEnd();
    }
}
