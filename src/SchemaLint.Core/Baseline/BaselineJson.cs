using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SchemaLint.Core.Baseline
{
    /// <summary>
    /// Just enough JSON for the baseline file, written and read the same way in every front end. Core takes no dependency (the
    /// analyzers load it into compilers that may not carry System.Text.Json), so this reads objects, arrays, strings, numbers,
    /// true, false and null into dictionaries, lists and values, and writes strings with the escapes JSON requires.
    /// </summary>
    internal static class BaselineJson
    {
        public static object? Parse(string text)
        {
            var reader = new Reader(text);
            reader.SkipWhitespace();
            var value = reader.ReadValue();
            reader.SkipWhitespace();
            if (!reader.AtEnd) throw reader.Error("unexpected text after the end of the document");
            return value;
        }

        public static void WriteString(StringBuilder output, string? value)
        {
            if (value is null)
            {
                output.Append("null");
                return;
            }

            output.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': output.Append("\\\""); break;
                    case '\\': output.Append("\\\\"); break;
                    case '\n': output.Append("\\n"); break;
                    case '\r': output.Append("\\r"); break;
                    case '\t': output.Append("\\t"); break;
                    default:
                        if (c < ' ') output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else output.Append(c);
                        break;
                }
            }

            output.Append('"');
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _position;

            public Reader(string text) => _text = text;

            public bool AtEnd => _position >= _text.Length;

            public FormatException Error(string what)
            {
                var line = 1;
                for (var i = 0; i < _position && i < _text.Length; i++) if (_text[i] == '\n') line++;
                return new FormatException($"{what} on line {line}");
            }

            public void SkipWhitespace()
            {
                while (!AtEnd && (_text[_position] == ' ' || _text[_position] == '\t' || _text[_position] == '\r' || _text[_position] == '\n')) _position++;
            }

            public object? ReadValue()
            {
                if (AtEnd) throw Error("the document ends where a value should be");
                switch (_text[_position])
                {
                    case '{': return ReadObject();
                    case '[': return ReadArray();
                    case '"': return ReadString();
                    case 't': return ReadWord("true", true);
                    case 'f': return ReadWord("false", false);
                    case 'n': return ReadWord("null", null);
                    default:
                        if (_text[_position] == '-' || char.IsDigit(_text[_position])) return ReadNumber();
                        throw Error($"unexpected '{_text[_position]}'");
                }
            }

            private Dictionary<string, object?> ReadObject()
            {
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                _position++;
                SkipWhitespace();
                if (Take('}')) return result;
                while (true)
                {
                    SkipWhitespace();
                    if (AtEnd || _text[_position] != '"') throw Error("a property name in double quotes is expected");
                    var name = ReadString();
                    SkipWhitespace();
                    if (!Take(':')) throw Error($"':' is expected after \"{name}\"");
                    SkipWhitespace();
                    result[name] = ReadValue();
                    SkipWhitespace();
                    if (Take('}')) return result;
                    if (!Take(',')) throw Error("',' or '}' is expected");
                }
            }

            private List<object?> ReadArray()
            {
                var result = new List<object?>();
                _position++;
                SkipWhitespace();
                if (Take(']')) return result;
                while (true)
                {
                    SkipWhitespace();
                    result.Add(ReadValue());
                    SkipWhitespace();
                    if (Take(']')) return result;
                    if (!Take(',')) throw Error("',' or ']' is expected");
                }
            }

            private string ReadString()
            {
                _position++;
                var builder = new StringBuilder();
                while (true)
                {
                    if (AtEnd) throw Error("a string is not closed");
                    var c = _text[_position++];
                    if (c == '"') return builder.ToString();
                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (AtEnd) throw Error("a string is not closed");
                    var escaped = _text[_position++];
                    switch (escaped)
                    {
                        case '"': case '\\': case '/': builder.Append(escaped); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                                throw Error("a \\u escape needs four hex digits");
                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default: throw Error($"'\\{escaped}' is not a JSON escape");
                    }
                }
            }

            private object? ReadWord(string word, object? value)
            {
                if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) throw Error($"unexpected '{_text[_position]}'");
                _position += word.Length;
                return value;
            }

            private double ReadNumber()
            {
                var start = _position;
                while (!AtEnd && "+-0123456789.eE".IndexOf(_text[_position]) >= 0) _position++;
                if (!double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    throw Error($"'{_text.Substring(start, _position - start)}' is not a number");
                return number;
            }

            private bool Take(char expected)
            {
                if (AtEnd || _text[_position] != expected) return false;
                _position++;
                return true;
            }
        }
    }
}
