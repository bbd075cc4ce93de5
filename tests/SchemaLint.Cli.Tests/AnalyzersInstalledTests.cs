using SchemaLint.Cli.Tests.Infrastructure;

namespace SchemaLint.Cli.Tests;

/// <summary>
/// A project with SchemaLint's analyzers installed whose own build fails because of them (SL1006 is an error on SQL Server):
/// the audit builds only to get the assembly, with SchemaLint's analyzers switched off, so it still audits the project.
/// The tests in this class run one after the other (xunit runs a class's tests in sequence), so their builds never overlap.
/// </summary>
public sealed class AnalyzersInstalledTests
{
    private static string Project => Path.Combine(FixtureApplications.ProjectDirectory("SqlServerAnalyzedApp"), "SqlServerAnalyzedApp.csproj");

    [Fact]
    public void Audit_of_a_SQL_Server_project_whose_build_fails_on_SL1006_reports_SL1006()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root, "audit", Project, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("failed", result.Stderr);
        using var report = CommandAssert.Json(result);
        Assert.Contains(CommandAssert.Findings(report), f => f.Context == "LedgerContext" && f.RuleId == "SL1006");
    }

    [Fact]
    public void The_project_s_own_build_after_an_audit_still_runs_SchemaLint_s_analyzers()
    {
        var audit = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root, "audit", Project, "--format", "json");
        Assert.True(audit.ExitCode == 1, audit.ToString());

        // Incremental, as a user's next build is: the audit's assembly must not count as up to date for it.
        var build = ProcessResult.Run("dotnet", new[] { "build", Project, "-nologo" }, FixtureApplications.Root, timeout: TimeSpan.FromMinutes(8));

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error SL1006", build.Stdout);
    }

    [Fact]
    public void The_build_and_the_audit_name_the_same_step_to_break()
    {
        // Rebuilt alone: a rebuild of its references would delete SchemaLint.Core.dll and SchemaLint.Analyzers.dll under other
        // tests that are compiling against them at that moment (CS0006 on CI).
        var build = ProcessResult.Run("dotnet", new[] { "build", Project, "-nologo", "--no-incremental", "--no-dependencies" }, FixtureApplications.Root, timeout: TimeSpan.FromMinutes(8));
        var audit = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root, "audit", Project, "--format", "json");

        var fromBuild = System.Text.RegularExpressions.Regex.Match(build.Stdout, @"error SL1006: (?<message>.*?) \(https://");
        Assert.True(fromBuild.Success, build.ToString());
        using var report = CommandAssert.Json(audit);
        var fromAudit = report.RootElement.GetProperty("contexts")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("ruleId").GetString() == "SL1006").GetProperty("message").GetString();
        Assert.Equal(fromBuild.Groups["message"].Value, fromAudit);
    }

    [Fact]
    public void Configuration_and_properties_are_passed_to_the_build()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root,
            "audit", Project, "--configuration", "Release", "-p:DefineConstants=AUDIT_WITH_AMOUNT", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(File.Exists(Path.Combine(FixtureApplications.ProjectDirectory("SqlServerAnalyzedApp"), "bin", "Release", "net10.0", "SqlServerAnalyzedApp.dll")), result.ToString());
        using var report = CommandAssert.Json(result);
        Assert.Contains(("LedgerContext", "SL2001", (string?)"SqlServerAnalyzedApp.Expense", (string?)"Amount"), CommandAssert.Findings(report));
    }

    [Fact]
    public void Verbose_shows_every_phase_with_its_time()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root, "audit", Project, "--format", "json", "--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"(?m)^Building SqlServerAnalyzedApp\.csproj: done in \d+\.\d s\.", result.Stderr);
        Assert.Matches(@"(?m)^Creating LedgerContext: done in \d+\.\d s\.", result.Stderr);
        Assert.Matches(@"(?m)^Reading the model of LedgerContext: done in \d+\.\d s\.", result.Stderr);
    }

    [Fact]
    public void Redirected_stderr_without_verbose_gets_no_progress()
    {
        var result = SchemaLintCommand.RunWithin(TimeSpan.FromMinutes(8), FixtureApplications.Root, "audit", Project, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(string.Empty, result.Stderr.Trim());
    }
}
