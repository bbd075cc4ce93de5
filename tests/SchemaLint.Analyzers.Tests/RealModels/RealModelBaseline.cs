using System.Text;

namespace SchemaLint.Analyzers.Tests.RealModels;

/// <summary>
/// real-models.baseline: per model, a "## name" heading and the summary the analyzers gave when it was last recorded.
/// Recording replaces the blocks of the models present and keeps the others, so a machine that could cut only some
/// models does not erase the rest.
/// </summary>
internal static class RealModelBaseline
{
    private const string Heading = "## ";

    public static Dictionary<string, string> Read(string path)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return blocks;
        string? name = null;
        var block = new StringBuilder();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith('#') && !line.StartsWith(Heading, StringComparison.Ordinal)) continue;
            if (line.StartsWith(Heading, StringComparison.Ordinal))
            {
                if (name is not null) blocks[name] = block.ToString().TrimEnd();
                name = line[Heading.Length..].Trim();
                block.Clear();
            }
            else if (name is not null) block.AppendLine(line);
        }

        if (name is not null) blocks[name] = block.ToString().TrimEnd();
        return blocks;
    }

    public static void Write(string path, IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> found)
    {
        var text = new StringBuilder()
            .AppendLine("# What the analyzers make of each real model (scripts/real-models.sh names the repositories and commits).")
            .AppendLine("# Written by RealModelTests with SCHEMALINT_REAL_MODELS_UPDATE=1; a change here is a change in what users see.");
        var merged = new Dictionary<string, string>(recorded, StringComparer.Ordinal);
        foreach (var (name, summary) in found) merged[name] = summary;
        foreach (var (name, summary) in merged.OrderBy(model => model.Key, StringComparer.Ordinal))
            text.AppendLine().Append(Heading).AppendLine(name).AppendLine(summary);

        File.WriteAllText(path, text.ToString());
    }
}
