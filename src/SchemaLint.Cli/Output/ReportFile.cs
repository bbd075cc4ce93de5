using System;
using System.IO;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Output
{
    /// <summary>The file --output names, checked before any work: a report nobody can write should not cost a build and an audit.</summary>
    internal static class ReportFile
    {
        public static void EnsureWritable(string path)
        {
            if (path.Trim().Length == 0)
                throw InputError("--output was given an empty path; give the file to write the report to, or drop --output to print it.");

            string fullPath;
            try
            {
                fullPath = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw Unwritable(path, e.Message);
            }

            if (Directory.Exists(fullPath))
                throw InputError($"--output '{path}' is a folder; give the path of a file to write the report to.");
            var folder = Path.GetDirectoryName(fullPath);
            if (folder is not null && !Directory.Exists(folder))
                throw InputError($"The folder of --output '{path}' does not exist; create it, or choose another path.");

            try
            {
                // Opened as the report will be, and left as it was: an existing file untouched, a new one gone again.
                if (File.Exists(fullPath))
                {
                    using (new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
                }
                else
                {
                    using (new FileStream(fullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Unwritable(path, e.Message);
            }
        }

        private static CommandFailure Unwritable(string path, string reason) =>
            InputError($"Cannot write the report to '{path}' ({Sentences.Quote(reason)}); choose another --output path.");

        private static CommandFailure InputError(string message) => new CommandFailure(ExitCodes.InputError, message);
    }
}
