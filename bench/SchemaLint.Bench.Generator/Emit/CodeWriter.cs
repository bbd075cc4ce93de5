using System;
using System.Text;

namespace SchemaLint.Bench.Generator.Emit;

/// <summary>A StringBuilder that indents, so the writers read like the code they produce.</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _depth++;
        return this;
    }

    public CodeWriter Close(string closing = "}")
    {
        _depth = Math.Max(0, _depth - 1);
        return Line(closing);
    }

    public override string ToString() => _text.ToString();
}
