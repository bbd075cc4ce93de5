using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.SourceModel
{
    /// <summary>
    /// What one extraction depended on beyond declarations: the syntax trees whose code it read or pointed a location into,
    /// and the member and context names it asked the code scan about. A later snapshot that differs only in trees outside
    /// this footprint, by edits inside method bodies that say the same about those names, has the same schema
    /// (<see cref="Schema.SchemaCache"/> carries it over instead of extracting again).
    /// </summary>
    /// <remarks>
    /// Locations and method bodies are reached from static helpers all over the reader; rather than thread a recorder through
    /// each of them, the extraction that wants a footprint opens a recording scope on its thread (the reader runs on the
    /// thread that called it), and the helpers report to whatever scope is open. Outside a scope nothing is recorded.
    /// </remarks>
    internal sealed class ExtractionFootprint
    {
        [ThreadStatic]
        private static ExtractionFootprint? s_recording;

        private readonly object _gate = new object();
        private readonly HashSet<SyntaxTree> _trees = new HashSet<SyntaxTree>();
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _contexts = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The footprint being recorded on this thread, or null.</summary>
        public static ExtractionFootprint? Recording => s_recording;

        /// <summary>Records what the calling thread's extraction reads into <paramref name="footprint"/> until disposed.</summary>
        public static IDisposable Record(ExtractionFootprint footprint) => new Scope(footprint);

        /// <summary>The reader read code in <paramref name="tree"/> or placed a location in it.</summary>
        public static void Touch(SyntaxTree? tree)
        {
            var recording = s_recording;
            if (recording is null || tree is null) return;
            lock (recording._gate) recording._trees.Add(tree);
        }

        public void AskedAboutMember(string name)
        {
            lock (_gate) _members.Add(name);
        }

        public void AskedAboutContext(string name)
        {
            lock (_gate) _contexts.Add(name);
        }

        public bool Touched(SyntaxTree tree)
        {
            lock (_gate) return _trees.Contains(tree);
        }

        public IReadOnlyCollection<string> Members
        {
            get { lock (_gate) return new List<string>(_members); }
        }

        public IReadOnlyCollection<string> Contexts
        {
            get { lock (_gate) return new List<string>(_contexts); }
        }

        private sealed class Scope : IDisposable
        {
            private readonly ExtractionFootprint? _previous;
            private bool _disposed;

            public Scope(ExtractionFootprint footprint)
            {
                _previous = s_recording;
                s_recording = footprint;
            }

            public void Dispose()
            {
                if (_disposed) return;
                _disposed = true;
                s_recording = _previous;
            }
        }
    }
}
