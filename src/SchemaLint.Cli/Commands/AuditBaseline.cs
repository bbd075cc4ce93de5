using System;
using System.IO;
using System.Text;
using SchemaLint.Cli.Output;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Baseline;
using SchemaLint.Core.Options;

namespace SchemaLint.Cli.Commands
{
    /// <summary>
    /// Which baseline file an audit compares with, read and written. The same file the analyzer package's build props give the
    /// compiler: --baseline, else <c>schemalint.baseline</c> from .editorconfig, else the nearest schemalint.baseline.json in
    /// the project's folder or a folder above it.
    /// </summary>
    internal static class AuditBaseline
    {
        /// <summary>--baseline's file, checked before anything is built: it must exist and be a baseline.</summary>
        public static string Given(string path)
        {
            if (path.Trim().Length == 0)
                throw InputError("--baseline was given an empty path; give the baseline file, or drop --baseline.");
            var full = AuditCommand.FullPath(path, "--baseline");
            if (!File.Exists(full))
                throw InputError($"The baseline file '{path}' does not exist; write one with --write-baseline, or drop --baseline.");
            Load(full);
            return full;
        }

        /// <summary>--write-baseline's file, checked before anything is built: a writable file in a folder that exists.</summary>
        public static string WriteTarget(string path)
        {
            if (path.Trim().Length == 0)
                throw InputError("--write-baseline was given an empty path; give the file to write, or no value to write schemalint.baseline.json beside the project.");
            return ReportFile.EnsureWritable(path, "--write-baseline", "the baseline");
        }

        /// <summary>The baseline that applies when --baseline does not say, or null; a configured file that is missing is a warning.</summary>
        public static string? Locate(SchemaLintOptions options, string projectDirectory, Action<string> warn)
        {
            if (options.BaselinePath is { } configured)
            {
                var full = Path.GetFullPath(configured);
                if (File.Exists(full)) return full;
                warn($"{SchemaLintOptions.Keys.Baseline}: '{configured}' does not exist; no baseline applies until --write-baseline writes it.");
                return null;
            }

            for (var folder = new DirectoryInfo(Path.GetFullPath(projectDirectory)); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, BaselineFile.DefaultFileName);
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }

        /// <summary>Where --write-baseline without a value writes: the configured file, or schemalint.baseline.json beside the project.</summary>
        public static string DefaultWriteTarget(SchemaLintOptions options, string projectDirectory) =>
            options.BaselinePath is { } configured ? Path.GetFullPath(configured) : Path.Combine(projectDirectory, BaselineFile.DefaultFileName);

        public static BaselineFile Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw InputError($"Cannot read the baseline file '{path}' ({Sentences.Quote(e.Message)}).");
            }

            try
            {
                return BaselineFile.Parse(text);
            }
            catch (FormatException e)
            {
                throw InputError($"'{path}' is not a SchemaLint baseline file: {Sentences.Quote(e.Message)}; fix it, or rewrite it with --write-baseline.");
            }
        }

        public static void Write(string path, BaselineFile baseline)
        {
            try
            {
                // No byte-order mark and "\n" only, whatever the platform: the file is reviewed in diffs and shared across machines.
                File.WriteAllText(path, baseline.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw InputError($"Cannot write the baseline file '{path}' ({Sentences.Quote(e.Message)}); choose another path.");
            }
        }

        private static CommandFailure InputError(string message) => new CommandFailure(ExitCodes.InputError, message);
    }
}
