using System;

namespace SchemaLint.Core.Model
{
    /// <summary>
    /// A place in source code. Lines and columns are 1-based, as editors and SARIF show them;
    /// the span is a 0-based character offset and length into the file, when the front end knows it
    /// (the Roslyn front end does, the PDB-based runtime front end knows only lines).
    /// </summary>
    public sealed class SourceLocation : IEquatable<SourceLocation>
    {
        public SourceLocation(string filePath, int line, int column = 1, int? spanStart = null, int? spanLength = null, int? endLine = null, int? endColumn = null)
        {
            if (string.IsNullOrEmpty(filePath)) throw new ArgumentException("A source location needs a file path.", nameof(filePath));
            if (line < 1) throw new ArgumentOutOfRangeException(nameof(line), line, "Lines are 1-based.");
            FilePath = filePath;
            Line = line;
            Column = column < 1 ? 1 : column;
            SpanStart = spanStart;
            SpanLength = spanLength;
            EndLine = endLine ?? line;
            EndColumn = endColumn ?? Column;
        }

        public string FilePath { get; }
        public int Line { get; }
        public int Column { get; }
        public int EndLine { get; }
        public int EndColumn { get; }
        public int? SpanStart { get; }
        public int? SpanLength { get; }

        public bool Equals(SourceLocation? other) =>
            ReferenceEquals(this, other) || other is not null && string.Equals(FilePath, other.FilePath, StringComparison.Ordinal) && Line == other.Line && Column == other.Column
            && SpanStart == other.SpanStart && SpanLength == other.SpanLength;

        public override bool Equals(object? obj) => Equals(obj as SourceLocation);

        public override int GetHashCode() => (FilePath.GetHashCode() * 397) ^ (Line * 31) ^ Column;

        public override string ToString() => $"{FilePath}({Line},{Column})";
    }
}
