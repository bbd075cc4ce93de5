using System.Text.Json;

namespace SchemaLint.Cli.Tests.Infrastructure;

internal static class CommandAssert
{
    /// <summary>The command failed with this exit code and said why in one line on stderr, without a stack trace.</summary>
    public static string FailsWithOneSentence(ProcessResult result, int exitCode)
    {
        Assert.True(result.ExitCode == exitCode, $"Expected exit code {exitCode}.{Environment.NewLine}{result}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected one line on stderr.{Environment.NewLine}{result}");
        Assert.StartsWith("schemalint: ", lines[0]);
        Assert.Equal(string.Empty, result.Stdout.Trim());
        return lines[0];
    }

    public static JsonDocument Json(ProcessResult result)
    {
        try
        {
            return JsonDocument.Parse(result.Stdout);
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"stdout is not JSON ({e.Message}).{Environment.NewLine}{result}");
        }
    }

    /// <summary>(context name, rule id, entity, member) of every finding in a JSON report.</summary>
    public static IReadOnlyList<(string Context, string RuleId, string? Entity, string? Member)> Findings(JsonDocument report) =>
        report.RootElement.GetProperty("contexts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray().Select(f => (
                c.GetProperty("name").GetString()!,
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("entity").GetString(),
                f.GetProperty("member").GetString())))
            .ToList();
}
