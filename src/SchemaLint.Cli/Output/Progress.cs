using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// One line on stderr per phase of the audit (building, loading, creating each context, reading its model), so a build of
    /// minutes is not silence. Shown when stderr is a terminal or with --verbose; with --verbose each phase also ends with the
    /// time it took. When stderr is redirected and --verbose is off, nothing is written: scripts and CI logs see only errors.
    /// Progress lines carry no "schemalint: " prefix, which marks the sentences that report a problem.
    /// </summary>
    internal sealed class Progress
    {
        private readonly TextWriter? _writer;
        private readonly bool _timed;
        private readonly Stopwatch _clock = new Stopwatch();
        private string? _current;

        public Progress(TextWriter? writer, bool timed)
        {
            _writer = writer;
            _timed = timed;
        }

        /// <summary>Progress for this process: shown on a terminal or with --verbose, timed with --verbose.</summary>
        public static Progress ForConsole(bool verbose) =>
            new Progress(verbose || !Console.IsErrorRedirected ? Console.Error : null, timed: verbose);

        public bool IsShown => _writer is not null;

        /// <summary>Ends the phase under way (with its time, when timed) and starts this one.</summary>
        public void Phase(string text)
        {
            if (_writer is null || text == _current) return;
            End();
            _current = text;
            _clock.Restart();
            _writer.WriteLine(text);
        }

        /// <summary>Ends the phase under way; with --verbose, says how long it took.</summary>
        public void End()
        {
            if (_writer is null || _current is null) return;
            if (_timed) _writer.WriteLine(Done(_current) + " in " + Seconds(_clock.Elapsed) + ".");
            _current = null;
        }

        private static string Done(string phase) => phase.TrimEnd('.') + ": done";

        private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }
}
