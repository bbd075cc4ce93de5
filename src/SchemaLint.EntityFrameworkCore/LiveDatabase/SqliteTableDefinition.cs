using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>
    /// What only a SQLite table's CREATE statement tells: the names of its constraints (the pragmas give foreign keys, keys
    /// and columns, but no names) and its check constraints (no pragma lists them). Reads the statement as SQLite stores it,
    /// EF Core's or hand-written.
    /// </summary>
    internal sealed class SqliteTableDefinition
    {
        private SqliteTableDefinition(string? primaryKeyName, IReadOnlyList<(string Name, IReadOnlyList<string> Columns)> foreignKeys, IReadOnlyList<(string Name, string Expression)> checks)
        {
            PrimaryKeyName = primaryKeyName;
            ForeignKeys = foreignKeys;
            Checks = checks;
        }

        public string? PrimaryKeyName { get; }

        /// <summary>Named foreign keys with their columns, whether declared on a column or on the table.</summary>
        public IReadOnlyList<(string Name, IReadOnlyList<string> Columns)> ForeignKeys { get; }

        /// <summary>Check constraints (unnamed ones with an empty name) and their conditions as written.</summary>
        public IReadOnlyList<(string Name, string Expression)> Checks { get; }

        public string? ForeignKeyName(IReadOnlyList<string> columns) =>
            ForeignKeys.FirstOrDefault(f => f.Columns.Count == columns.Count && f.Columns.Zip(columns, (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase)).All(x => x)).Name;

        public static SqliteTableDefinition Parse(string? createTable)
        {
            string? primaryKeyName = null;
            var foreignKeys = new List<(string, IReadOnlyList<string>)>();
            var checks = new List<(string, string)>();
            if (string.IsNullOrEmpty(createTable)) return new SqliteTableDefinition(null, foreignKeys, checks);

            var tokens = Tokenize(createTable!);
            var open = tokens.FindIndex(t => t.Text == "(");
            if (open < 0) return new SqliteTableDefinition(null, foreignKeys, checks);
            foreach (var element in Elements(tokens, open + 1))
            {
                // A column definition starts with its name; a table constraint with CONSTRAINT or its kind.
                var first = element[0].Word;
                var isTableConstraint = first is "CONSTRAINT" or "PRIMARY" or "UNIQUE" or "CHECK" or "FOREIGN";
                var column = isTableConstraint ? null : element[0].Identifier;
                string? name = null;
                for (var i = isTableConstraint ? 0 : 1; i < element.Count; i++)
                {
                    switch (element[i].Word)
                    {
                        case "CONSTRAINT" when i + 1 < element.Count:
                            name = element[++i].Identifier;
                            continue;
                        case "PRIMARY":
                            primaryKeyName ??= name;
                            break;
                        case "CHECK" when i + 1 < element.Count && element[i + 1].Text == "(":
                            var end = Closing(element, i + 1);
                            checks.Add((name ?? string.Empty, createTable!.Substring(element[i + 1].Start + 1, element[end].Start - element[i + 1].Start - 1).Trim()));
                            i = end;
                            break;
                        case "FOREIGN" when isTableConstraint:
                            var columnsOpen = element.FindIndex(i, t => t.Text == "(");
                            if (columnsOpen < 0) break;
                            var columnsClose = Closing(element, columnsOpen);
                            var columns = element.Skip(columnsOpen + 1).Take(columnsClose - columnsOpen - 1).Where(t => t.Text != ",").Select(t => t.Identifier).ToList();
                            if (name is not null) foreignKeys.Add((name, columns));
                            i = columnsClose;
                            break;
                        case "REFERENCES" when column is not null:
                            if (name is not null) foreignKeys.Add((name, new[] { column }));
                            break;
                        default:
                            continue;
                    }

                    name = null;
                }
            }

            return new SqliteTableDefinition(primaryKeyName, foreignKeys, checks);
        }

        /// <summary>The definitions between the table's parentheses, split at commas outside nested parentheses.</summary>
        private static IEnumerable<List<Token>> Elements(List<Token> tokens, int start)
        {
            var depth = 0;
            var current = new List<Token>();
            for (var i = start; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (token.Text == "(") depth++;
                if (token.Text == ")" && depth-- == 0)
                {
                    if (current.Count > 0) yield return current;
                    yield break;
                }

                if (token.Text == "," && depth == 0)
                {
                    if (current.Count > 0) yield return current;
                    current = new List<Token>();
                    continue;
                }

                current.Add(token);
            }
        }

        private static int Closing(List<Token> tokens, int open)
        {
            var depth = 0;
            for (var i = open; i < tokens.Count; i++)
            {
                if (tokens[i].Text == "(") depth++;
                else if (tokens[i].Text == ")" && --depth == 0) return i;
            }

            return tokens.Count - 1;
        }

        /// <summary>SQLite's tokens, as far as finding names needs: quoted identifiers ("", [], ``), strings, words, single characters.</summary>
        private static List<Token> Tokenize(string sql)
        {
            var tokens = new List<Token>();
            var i = 0;
            while (i < sql.Length)
            {
                var c = sql[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
                {
                    while (i < sql.Length && sql[i] != '\n') i++;
                }
                else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
                {
                    var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? sql.Length : end + 2;
                }
                else if (c is '"' or '`' or '\'' or '[')
                {
                    var close = c == '[' ? ']' : c;
                    var start = i++;
                    var text = new StringBuilder();
                    while (i < sql.Length)
                    {
                        if (sql[i] == close)
                        {
                            if (close != ']' && i + 1 < sql.Length && sql[i + 1] == close)
                            {
                                text.Append(close);
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        text.Append(sql[i++]);
                    }

                    tokens.Add(new Token(sql.Substring(start, i - start), start, c == '\'' ? null : text.ToString()));
                }
                else if (char.IsLetterOrDigit(c) || c == '_' || c == '$')
                {
                    var start = i;
                    while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_' || sql[i] == '$')) i++;
                    var word = sql.Substring(start, i - start);
                    tokens.Add(new Token(word, start, word));
                }
                else
                {
                    tokens.Add(new Token(c.ToString(), i, null));
                    i++;
                }
            }

            return tokens;
        }

        private sealed class Token
        {
            public Token(string text, int start, string? identifier)
            {
                Text = text;
                Start = start;
                Identifier = identifier ?? text;
                Word = identifier is not null && text == identifier ? text.ToUpperInvariant() : string.Empty;
            }

            public string Text { get; }

            public int Start { get; }

            /// <summary>The name a quoted or bare identifier stands for.</summary>
            public string Identifier { get; }

            /// <summary>A bare word in upper case (a keyword, perhaps); empty for quoted text and punctuation.</summary>
            public string Word { get; }
        }
    }
}
