using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SchemaLint.Core.Options
{
    /// <summary>
    /// Reads the pairs an .editorconfig (or a global .globalconfig) gives C# files, so that the runtime audit and the
    /// console command see the same options as the compiler does for the project's sources.
    /// </summary>
    /// <remarks>
    /// Only sections that apply to every C# file are read (<c>[*]</c>, <c>[*.cs]</c>, <c>[*.{cs,vb}]</c>, <c>[**.cs]</c>,
    /// <c>[**/*.cs]</c>) plus the preamble of a global config: a model has no single source file, so path-specific
    /// sections cannot be applied to it. Later sections win, as in the compiler.
    /// </remarks>
    public static class EditorConfigReader
    {
        public static SchemaLintOptions ReadFile(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"The configuration file '{path}' does not exist.", path);
            return SchemaLintOptions.FromKeyValues(Anchored(ReadPairs(File.ReadAllText(path)), path));
        }

        /// <summary>
        /// Reads every .editorconfig from <paramref name="directory"/> up to the first one marked <c>root = true</c>,
        /// nearer files winning, as the compiler does for a source file in that directory.
        /// </summary>
        public static SchemaLintOptions ReadForDirectory(string directory)
        {
            var files = new List<string>();
            for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
            {
                var candidate = Path.Combine(current.FullName, ".editorconfig");
                if (!File.Exists(candidate)) continue;
                files.Add(candidate);
                if (IsRoot(File.ReadAllText(candidate))) break;
            }

            files.Reverse();
            var merged = new List<KeyValuePair<string, string>>();
            foreach (var file in files) merged.AddRange(Anchored(ReadPairs(File.ReadAllText(file)), file));
            return SchemaLintOptions.FromKeyValues(merged);
        }

        public static IReadOnlyList<KeyValuePair<string, string>> ReadPairs(string text) => ReadPairs(text, preambleOnly: false);

        private static IReadOnlyList<KeyValuePair<string, string>> ReadPairs(string text, bool preambleOnly)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            var inApplicableSection = true; // the preamble (global configs put their keys there)
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[' && line.EndsWith("]", StringComparison.Ordinal))
                {
                    if (preambleOnly) break;
                    inApplicableSection = AppliesToAllCSharpFiles(line.Substring(1, line.Length - 2).Trim());
                    continue;
                }

                if (!inApplicableSection) continue;
                var equals = line.IndexOf('=');
                if (equals <= 0) continue;
                var key = line.Substring(0, equals).Trim();
                var value = StripInlineComment(line.Substring(equals + 1)).Trim();
                pairs.Add(new KeyValuePair<string, string>(key, value));
            }

            return pairs;
        }

        /// <summary>
        /// A path option means the file next to the .editorconfig that names it, wherever the audit runs from: a relative
        /// <c>schemalint.baseline</c> is made absolute against that file's folder.
        /// </summary>
        private static IEnumerable<KeyValuePair<string, string>> Anchored(IEnumerable<KeyValuePair<string, string>> pairs, string configFile)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(configFile)) ?? string.Empty;
            foreach (var pair in pairs)
            {
                var isPath = string.Equals(pair.Key, SchemaLintOptions.Keys.Baseline, StringComparison.OrdinalIgnoreCase) && pair.Value.Length > 0;
                yield return isPath ? new KeyValuePair<string, string>(pair.Key, AbsolutePath(folder, pair.Value)) : pair;
            }
        }

        private static string AbsolutePath(string folder, string value)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(folder, value));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                // Not a path this system can hold: left as written, so the front end that opens it says so with the value shown.
                return value;
            }
        }

        // Only the preamble can declare a root; 'root = true' inside a section is an ordinary key.
        private static bool IsRoot(string text) =>
            ReadPairs(text, preambleOnly: true).Any(p => string.Equals(p.Key, "root", StringComparison.OrdinalIgnoreCase) && string.Equals(p.Value, "true", StringComparison.OrdinalIgnoreCase));

        private static bool AppliesToAllCSharpFiles(string glob)
        {
            switch (glob)
            {
                case "*":
                case "**":
                case "*.cs":
                case "**.cs":
                case "**/*.cs":
                    return true;
            }

            if (glob.StartsWith("*.{", StringComparison.Ordinal) && glob.EndsWith("}", StringComparison.Ordinal))
                return glob.Substring(3, glob.Length - 4).Split(',').Any(e => e.Trim() == "cs");
            return false;
        }

        private static string StripInlineComment(string value)
        {
            // .editorconfig comments start a line; ' #' or ' ;' after a value is a common habit that the compiler also tolerates.
            foreach (var marker in new[] { " #", " ;" })
            {
                var index = value.IndexOf(marker, StringComparison.Ordinal);
                if (index >= 0) value = value.Substring(0, index);
            }

            return value;
        }
    }
}
