namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>
/// The budget-tracker sample adopting SchemaLint, run once for every baseline test: a copy of the sample outside the
/// repository audited with --write-baseline; then its code moved (nothing else) and audited and built; then, on top, one new
/// mistake (Expense.Tax as double) and one baselined mistake fixed (Expense.Amount made a decimal with precision), audited
/// in each format and built. Each step runs the real command or dotnet build as a process, in order.
/// </summary>
public sealed class BaselinedBudgetTracker : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    private readonly string _root = Directory.CreateTempSubdirectory("schemalint-baseline-").FullName;

    public BaselinedBudgetTracker()
    {
        CopySample();
        Written = SchemaLintCommand.RunWithin(Limit, _root, "audit", Project, "--write-baseline");
        WrittenBaseline = File.ReadAllText(BaselineFile);

        MoveCode();
        Moved = SchemaLintCommand.RunWithin(Limit, _root, "audit", Project, "--format", "json");
        MovedBuild = Build();

        AddTaxAsDoubleAndFixAmount();
        Changed = SchemaLintCommand.RunWithin(Limit, _root, "audit", Project, "--fail-on", "error");
        ChangedJson = SchemaLintCommand.RunWithin(Limit, _root, "audit", Project, "--no-build", "--format", "json");
        ChangedSarifRun = SchemaLintCommand.RunWithin(Limit, _root, "audit", Project, "--no-build", "--format", "sarif", "--output", ChangedSarif);
        ChangedBuild = Build();
    }

    /// <summary>The copy's project folder; the written baseline lies in it.</summary>
    public string ProjectDirectory => Path.Combine(_root, "BudgetTracker");

    public string BaselineFile => Path.Combine(ProjectDirectory, "schemalint.baseline.json");

    public string ChangedSarif => Path.Combine(_root, "changed.sarif");

    /// <summary>schemalint audit BudgetTracker --write-baseline, on the sample as it is.</summary>
    public ProcessResult Written { get; }

    public string WrittenBaseline { get; }

    /// <summary>The audit (json) and dotnet build after the code moved: properties reordered, lines added above them.</summary>
    public ProcessResult Moved { get; }

    public ProcessResult MovedBuild { get; }

    /// <summary>After Expense.Tax (double) was added and Expense.Amount fixed: the text report with --fail-on error, json, SARIF, the build.</summary>
    public ProcessResult Changed { get; }

    public ProcessResult ChangedJson { get; }

    public ProcessResult ChangedSarifRun { get; }

    public ProcessResult ChangedBuild { get; }

    /// <summary>(rule id, file name, line) of each SchemaLint warning the build printed, once each.</summary>
    public static IReadOnlyList<string> SchemaLintWarnings(ProcessResult build) =>
        System.Text.RegularExpressions.Regex.Matches(build.Stdout, @"([^/\\\s]+\.cs)\(\d+,\d+\): warning (SL\d{4}): '?([^' ]+)")
            .Select(m => $"{m.Groups[2].Value} {m.Groups[1].Value} {m.Groups[3].Value}")
            .Distinct()
            .OrderBy(w => w, StringComparer.Ordinal)
            .ToList();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Project => ProjectDirectory;

    // The copy alone is rebuilt (the audit before it built its references): a rebuild of the analyzer projects would start
    // with a clean, and SchemaLint.Core.dll would vanish from bin/Debug under tests packing or compiling against it.
    private ProcessResult Build() =>
        ProcessResult.Run("dotnet", new[] { "build", ProjectDirectory, "-nologo", "--no-incremental", "--no-dependencies", "-clp:NoSummary" }, _root, timeout: Limit);

    /// <summary>
    /// Outside the repository the samples' shared props (EF Core, Npgsql, the analyzers as project references, the package's
    /// baseline props) are imported by path, with the repository's central package versions.
    /// </summary>
    private void CopySample()
    {
        var sample = Repository.Path("samples", "BudgetTracker");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(ProjectDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), $"<Project><Import Project=\"{Repository.Path("samples", "Directory.Build.props")}\" /></Project>");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), $"<Project><Import Project=\"{Repository.Path("Directory.Packages.props")}\" /></Project>");
    }

    private void MoveCode()
    {
        Edit("Model/Expense.cs", text => text
            .Replace("    public double Amount { get; set; }\n", string.Empty)
            .Replace("public class Expense\n{\n", "/// <summary>One spending, by one user, in one category.</summary>\npublic class Expense\n{\n    // What it cost.\n    public double Amount { get; set; }\n\n"));
        Edit("Model/User.cs", text => "// Users sign in with their email address.\n\n" + text);
    }

    private void AddTaxAsDoubleAndFixAmount()
    {
        Edit("Model/Expense.cs", text => text
            .Replace("    public double Amount { get; set; }\n", "    [Microsoft.EntityFrameworkCore.Precision(18, 2)]\n    public decimal Amount { get; set; }\n\n    public double Tax { get; set; }\n"));
    }

    private void Edit(string relativePath, Func<string, string> change)
    {
        var path = Path.Combine(ProjectDirectory, relativePath);
        var before = File.ReadAllText(path).Replace("\r\n", "\n");
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"The edit of {relativePath} changed nothing; the sample's text is not what this fixture expects.");
        File.WriteAllText(path, after);
    }
}
