using System;
using System.IO;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host.Steps
{
    /// <summary>
    /// The result file, rewritten at every step: whatever ends the process (the application's Environment.Exit, a stack
    /// overflow, the command killing a hung host), the contexts finished so far and the step under way are on disk.
    /// </summary>
    internal sealed class ResultFile
    {
        private readonly object _gate = new object();
        private readonly string _path;

        public ResultFile(string path)
        {
            _path = path;
        }

        public HostResult Result { get; } = new HostResult();

        public void Enter(HostPhaseKind kind, string? context = null, string? contextFullName = null) =>
            Update(r =>
            {
                r.Phase = new HostPhase { Kind = kind, Context = context, ContextFullName = contextFullName };
                r.Phases.Add(r.Phase);
            });

        public void Update(Action<HostResult> change)
        {
            lock (_gate)
            {
                if (Result.Completed) return;
                change(Result);
                Write();
            }
        }

        public void Complete()
        {
            lock (_gate)
            {
                Result.Completed = true;
                Write();
            }
        }

        /// <summary>The application ended the process before the audit did; recorded once, and never over a finished result.</summary>
        public void Interrupted(HostInterruption interruption)
        {
            try
            {
                Update(r => r.Interruption ??= interruption);
            }
            catch (Exception)
            {
                // The process is ending in any case; the command falls back on the exit code and the output.
            }
        }

        private void Write()
        {
            try
            {
                Result.WriteTo(_path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The command removed the folder or is gone; nobody is left to read the result.
            }
        }
    }
}
