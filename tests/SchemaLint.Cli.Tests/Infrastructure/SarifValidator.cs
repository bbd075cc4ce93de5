using System.Text.Json;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>
/// Sarif/validate-sarif.sh: the SARIF 2.1.0 JSON schema (checked strictly by ajv-cli) and the spec's further rules
/// (Microsoft's SARIF multitool), both from the npm registry, installed on first use.
/// </summary>
internal static class SarifValidator
{
    private const int SchemaRejected = 3;

    /// <summary>Schema violations and the multitool's error-level results; empty when the log is valid.</summary>
    public static IReadOnlyList<string> Errors(string sarifFile)
    {
        var output = sarifFile + ".validation.sarif";
        var script = Repository.Path("tests", "SchemaLint.Cli.Tests", "Sarif", "validate-sarif.sh");
        var run = ProcessResult.Run("bash", new[] { script, sarifFile, output }, Path.GetDirectoryName(sarifFile)!, timeout: TimeSpan.FromMinutes(10));
        if ((run.ExitCode != 0 && run.ExitCode != SchemaRejected) || !File.Exists(output))
            throw new InvalidOperationException("The SARIF validators did not run." + Environment.NewLine + run);

        var errors = new List<string>();
        if (run.ExitCode == SchemaRejected) errors.Add("schema: " + run.Stdout.Trim());

        using var log = JsonDocument.Parse(File.ReadAllText(output));
        var multitoolRun = log.RootElement.GetProperty("runs")[0];
        if (multitoolRun.TryGetProperty("invocations", out var invocations)
            && invocations.EnumerateArray().Any(i => i.TryGetProperty("executionSuccessful", out var ok) && !ok.GetBoolean()))
            throw new InvalidOperationException("The SARIF multitool failed: " + invocations);
        if (multitoolRun.TryGetProperty("results", out var results))
        {
            errors.AddRange(results.EnumerateArray()
                .Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
                .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message")));
        }

        return errors;
    }
}
