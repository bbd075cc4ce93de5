using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.Options
{
    /// <summary>
    /// Reads SchemaLint's options from what the compiler gives analyzers: the global analyzer config and the .editorconfig
    /// sections that apply to a file. Severities are not applied here: the compiler maps them from the same files.
    /// </summary>
    internal static class AnalyzerOptionsReader
    {
        private const string SeverityPrefix = "dotnet_diagnostic.";

        /// <summary>Global options first, then the file's own, so that the nearer configuration wins.</summary>
        public static SchemaLintOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            Collect(provider.GlobalOptions, pairs);
            if (tree is not null) Collect(provider.GetOptions(tree), pairs);
            return pairs.Count == 0 ? SchemaLintOptions.Default : SchemaLintOptions.FromKeyValues(pairs);
        }

        private static void Collect(AnalyzerConfigOptions options, List<KeyValuePair<string, string>> pairs)
        {
            foreach (var key in options.Keys)
            {
                var isOption = key.StartsWith(SchemaLintOptions.Prefix, StringComparison.OrdinalIgnoreCase);
                var isSeverity = key.StartsWith(SeverityPrefix, StringComparison.OrdinalIgnoreCase);
                if (!isOption && !isSeverity) continue;
                if (options.TryGetValue(key, out var value)) pairs.Add(new KeyValuePair<string, string>(key, value));
            }
        }
    }
}
