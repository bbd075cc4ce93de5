using System.Text.RegularExpressions;
using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// One answer per finding: on the README's sample, a finding both front ends make (same rule, same message) points at the
/// same line in the build and in the audit. Entity findings point at the type's declaration, member findings at the member.
/// </summary>
public sealed class SameLineTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("schemalint-sameline-").FullName;

    [Fact]
    public void Findings_both_front_ends_make_on_the_budget_tracker_point_at_the_same_line()
    {
        // Built apart from the solution's own output, so tests that audit the sample's assembly are not disturbed.
        var output = Path.Combine(_scratch, "bin") + Path.DirectorySeparatorChar;
        var errorLog = Path.Combine(_scratch, "build.sarif");
        var build = ProcessResult.Run("dotnet", new[]
        {
            "build", Repository.Path("samples", "BudgetTracker", "BudgetTracker.csproj"), "-nologo", "--no-incremental",
            "-p:OutDir=" + output, "-p:IntermediateOutputPath=" + Path.Combine(_scratch, "obj") + Path.DirectorySeparatorChar,
            "-p:ErrorLog=" + errorLog + "%2Cversion=2.1", // MSBuild splits -p values at commas: the comma is escaped
        }, Repository.Root, timeout: TimeSpan.FromMinutes(8));
        Assert.True(build.ExitCode == 0, build.ToString());

        // The compiler's error log holds suggestions too (SL3001 is one), which the console output leaves out.
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(errorLog));
        var fromBuild = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(r => r.GetProperty("results").EnumerateArray())
            .Where(r => r.TryGetProperty("ruleId", out var id) && id.GetString()!.StartsWith("SL", StringComparison.Ordinal) && r.TryGetProperty("locations", out _))
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                return (Id: r.GetProperty("ruleId").GetString()!, Message: r.GetProperty("message").GetProperty("text").GetString()!,
                    File: Path.GetFileName(file), Line: location.GetProperty("region").GetProperty("startLine").GetInt32());
            })
            .Distinct()
            .ToList();

        var audit = SchemaLintCommand.Run(Repository.Root, "audit", Path.Combine(output, "BudgetTracker.dll"), "--format", "json");
        using var report = CommandAssert.Json(audit);
        var fromAudit = report.RootElement.GetProperty("contexts").EnumerateArray()
            .SelectMany(c => c.GetProperty("findings").EnumerateArray())
            .Select(f => (Id: f.GetProperty("ruleId").GetString()!, Message: f.GetProperty("message").GetString()!, File: Path.GetFileName(f.GetProperty("file").GetString() ?? ""), Line: f.GetProperty("line").ValueKind == System.Text.Json.JsonValueKind.Number ? f.GetProperty("line").GetInt32() : 0))
            .ToList();

        var pairs = fromAudit.Join(fromBuild, a => (a.Id, a.Message), b => (b.Id, b.Message), (a, b) => (Audit: a, Build: b)).ToList();
        Assert.True(pairs.Count >= 4, $"Expected SL2001 and three SL3001 (a suggestion, in the error log) in both.{Environment.NewLine}build:{Environment.NewLine}{string.Join(Environment.NewLine, fromBuild)}{Environment.NewLine}audit:{Environment.NewLine}{string.Join(Environment.NewLine, fromAudit)}");
        Assert.All(pairs, p => Assert.Equal((p.Build.Id, p.Build.File, p.Build.Line), (p.Audit.Id, p.Audit.File, p.Audit.Line)));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
