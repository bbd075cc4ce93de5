using System.Text.Json;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>
/// Microsoft's SARIF multitool (npm: @microsoft/sarif-multitool), installed on first use by Sarif/validate-sarif.sh.
/// It validates against the official SARIF 2.1.0 schema and the spec's rules, and reports what it found as a SARIF log.
/// </summary>
internal static class SarifValidator
{
    /// <summary>The validator's results at level error, as "RULE: arguments".</summary>
    public static IReadOnlyList<string> Errors(string sarifFile)
    {
        var output = sarifFile + ".validation.sarif";
        var script = Repository.Path("tests", "SchemaLint.Cli.Tests", "Sarif", "validate-sarif.sh");
        var run = ProcessResult.Run("bash", new[] { script, sarifFile, output }, Path.GetDirectoryName(sarifFile)!, timeout: TimeSpan.FromMinutes(10));
        if (run.ExitCode != 0 || !File.Exists(output)) throw new InvalidOperationException("The SARIF validator did not run." + Environment.NewLine + run);

        using var log = JsonDocument.Parse(File.ReadAllText(output));
        var run0 = log.RootElement.GetProperty("runs")[0];
        var executionFailures = run0.TryGetProperty("invocations", out var invocations)
            ? invocations.EnumerateArray().Where(i => i.TryGetProperty("executionSuccessful", out var ok) && !ok.GetBoolean()).ToList()
            : new List<JsonElement>();
        if (executionFailures.Count > 0) throw new InvalidOperationException("The SARIF validator failed: " + executionFailures[0]);

        if (!run0.TryGetProperty("results", out var results)) return Array.Empty<string>();
        return results.EnumerateArray()
            .Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
            .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message"))
            .ToList();
    }
}
