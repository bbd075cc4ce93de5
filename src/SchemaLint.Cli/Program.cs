using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SchemaLint.Cli.Commands;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("SchemaLint reviews EF Core models the way a database engineer does.")
            {
                AuditCommand.Create(),
                RulesCommand.Create(),
            };

            Interruption.Install();
            var parse = root.Parse(args);
            var verbose = args.Contains("--verbose");
            if (parse.Errors.Count > 0)
            {
                // System.CommandLine would print help and exit with 1; usage errors are exit code 2 here, in one sentence.
                var command = parse.CommandResult.Command;
                var name = command is RootCommand ? "schemalint" : "schemalint " + command.Name;
                Console.Error.WriteLine($"schemalint: {OneLine(parse.Errors[0].Message).TrimEnd('.')}; run '{name} --help' for usage.");
                return ExitCodes.InputError;
            }

            try
            {
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (CommandFailure failure)
            {
                Console.Error.WriteLine($"schemalint: {failure.Message}");
                if (verbose && !string.IsNullOrWhiteSpace(failure.Detail)) Console.Error.WriteLine(failure.Detail);
                return failure.ExitCode;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine($"schemalint: {Sentences.Quote(e.Message)}; run again with --verbose for details.");
                if (verbose) Console.Error.WriteLine(e);
                return ExitCodes.LoadError;
            }
            catch (Exception e)
            {
                // Never a stack trace: whatever was missed above is still one sentence, and the trace is there with --verbose.
                Console.Error.WriteLine($"schemalint: The audit failed unexpectedly ({e.GetType().Name}: {Sentences.Quote(e.Message)}); run again with --verbose and report it.");
                if (verbose) Console.Error.WriteLine(e);
                return ExitCodes.LoadError;
            }
        }

        // System.CommandLine lists allowed values one per line; an error here is one line.
        private static string OneLine(string message) =>
            string.Join(" ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)).Replace("' '", "', '");
    }
}
