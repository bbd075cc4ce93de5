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
            EnsureWritable(path, "--output", "the report");
        }

        /// <summary>
        /// Any file an option names for writing (<paramref name="option"/> writes <paramref name="what"/>): not a folder, in a
        /// folder that exists, and writable; returns its full path.
        /// </summary>
        public static string EnsureWritable(string path, string option, string what)
        {
            string fullPath;
            try
            {
                fullPath = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw Unwritable(path, e.Message, option, what);
            }

            if (Directory.Exists(fullPath))
                throw InputError($"{option} '{path}' is a folder; give the path of a file to write {what} to.");
            var folder = Path.GetDirectoryName(fullPath);
            if (folder is not null && !Directory.Exists(folder))
                throw InputError($"The folder of {option} '{path}' does not exist; create it, or choose another path.");

            try
            {
                // Opened as the file will be, and left as it was: an existing file untouched, a new one gone again.
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
                throw Unwritable(path, e.Message, option, what);
            }

            return fullPath;
        }

        private static CommandFailure Unwritable(string path, string reason, string option, string what) =>
            InputError($"Cannot write {what} to '{path}' ({Sentences.Quote(reason)}); choose another {option} path.");

        private static CommandFailure InputError(string message) => new CommandFailure(ExitCodes.InputError, message);
    }
}
