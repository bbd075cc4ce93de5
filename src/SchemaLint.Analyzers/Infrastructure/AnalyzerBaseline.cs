using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Options;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The baseline file as the analyzers see it: an AdditionalFiles item (the package's build props add the nearest
    /// schemalint.baseline.json). Findings it holds are not reported at all, so the IDE and the build agree with the audit.
    /// Stale entries are not reported here: one file may serve many projects, and a compilation cannot tell another
    /// project's entry from a fixed one; <c>schemalint audit</c> lists them.
    /// </summary>
    internal sealed class AnalyzerBaseline
    {
        /// <summary>Parsed files, by the compiler's AdditionalText: the IDE starts many compilations over one snapshot's files.</summary>
        private static readonly ConditionalWeakTable<AdditionalText, AnalyzerBaseline> Parsed = new ConditionalWeakTable<AdditionalText, AnalyzerBaseline>();

        private readonly BaselineFile _file;

        private AnalyzerBaseline(BaselineFile file, string? problem)
        {
            _file = file;
            Problem = problem;
        }

        public static AnalyzerBaseline None { get; } = new AnalyzerBaseline(BaselineFile.Empty, null);

        /// <summary>Why the configured or found baseline cannot be used (reported as SL0001), or null.</summary>
        public string? Problem { get; }

        /// <summary>
        /// The MSBuild property (made visible to analyzers by the package's props) that shows every finding, baselined or not:
        /// <c>dotnet build -p:SchemaLintIgnoreBaseline=true</c>, and the build <c>schemalint audit --write-baseline</c> reads.
        /// </summary>
        public const string IgnoreBaselineProperty = "build_property.SchemaLintIgnoreBaseline";

        /// <summary>The compilation's baseline: the one its global options and first file's options name, else schemalint.baseline.json.</summary>
        public static AnalyzerBaseline For(AnalyzerOptions options, Compilation compilation, CancellationToken cancellationToken)
        {
            if (options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IgnoreBaselineProperty, out var ignore)
                && string.Equals(ignore.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return None;
            var schemaLintOptions = AnalyzerOptionsReader.Read(options.AnalyzerConfigOptionsProvider, compilation.SyntaxTrees.FirstOrDefault());
            return For(options.AdditionalFiles, schemaLintOptions.BaselinePath, cancellationToken);
        }

        internal static AnalyzerBaseline For(IEnumerable<AdditionalText> additionalFiles, string? configuredPath, CancellationToken cancellationToken)
        {
            var file = configuredPath is null ? Nearest(additionalFiles) : Named(additionalFiles, configuredPath);
            if (file is null)
            {
                return configuredPath is null ? None : new AnalyzerBaseline(BaselineFile.Empty,
                    $"{SchemaLintOptions.Keys.Baseline}: '{configuredPath}' is not among the project's AdditionalFiles, so no baseline applies; add <AdditionalFiles Include=\"{configuredPath}\" /> to the project.");
            }

            return Parsed.GetValue(file, text => Parse(text, cancellationToken));
        }

        /// <summary>True when every context's fingerprint of the finding is in the baseline (a finding shown once for several contexts).</summary>
        public bool Holds(Finding finding, IEnumerable<string?> contexts)
        {
            if (_file.Entries.Count == 0) return false;
            var any = false;
            foreach (var context in contexts)
            {
                if (!_file.Contains(FindingFingerprint.For(finding, context))) return false;
                any = true;
            }

            return any;
        }

        private static AnalyzerBaseline Parse(AdditionalText text, CancellationToken cancellationToken)
        {
            var content = text.GetText(cancellationToken);
            if (content is null) return new AnalyzerBaseline(BaselineFile.Empty, $"{SchemaLintOptions.Keys.Baseline}: '{text.Path}' cannot be read, so no baseline applies.");
            try
            {
                return new AnalyzerBaseline(BaselineFile.Parse(content.ToString()), null);
            }
            catch (FormatException e)
            {
                return new AnalyzerBaseline(BaselineFile.Empty, $"{SchemaLintOptions.Keys.Baseline}: '{text.Path}' is not a SchemaLint baseline file ({e.Message}), so no baseline applies; fix it, or rewrite it with schemalint audit --write-baseline.");
            }
        }

        /// <summary>
        /// The compiler does not tell analyzers which .editorconfig a value came from, so a relative path cannot be resolved;
        /// the item whose path ends with the configured one (compared by whole path segments) is the file.
        /// </summary>
        private static AdditionalText? Named(IEnumerable<AdditionalText> files, string configuredPath)
        {
            var wanted = Segments(configuredPath).Where(s => s != ".").ToArray();
            if (wanted.Length == 0) return null;
            return files.FirstOrDefault(f =>
            {
                var segments = Segments(f.Path);
                return segments.Length >= wanted.Length
                    && segments.Skip(segments.Length - wanted.Length).SequenceEqual(wanted, StringComparer.OrdinalIgnoreCase);
            });
        }

        /// <summary>The schemalint.baseline.json item deepest in the folder tree: the one nearest the project when several are given.</summary>
        private static AdditionalText? Nearest(IEnumerable<AdditionalText> files) =>
            files.Where(f => string.Equals(Path.GetFileName(f.Path), BaselineFile.DefaultFileName, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(f => Segments(f.Path).Length)
                .FirstOrDefault();

        private static string[] Segments(string path) => path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
