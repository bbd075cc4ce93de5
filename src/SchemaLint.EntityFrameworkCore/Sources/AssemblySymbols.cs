using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Sources
{
    /// <summary>One assembly's portable PDB (beside the assembly or embedded in it), read through System.Reflection.Metadata.</summary>
    internal sealed class AssemblySymbols
    {
        private readonly MetadataReader _pdb;
        private readonly object _gate = new object();
        private readonly ConcurrentDictionary<Type, SourceLocation?> _types = new ConcurrentDictionary<Type, SourceLocation?>();

        // Source files read to find declarations the PDB has no line for, once each.
        private readonly ConcurrentDictionary<string, string[]?> _files = new ConcurrentDictionary<string, string[]?>(StringComparer.Ordinal);

        private AssemblySymbols(MetadataReaderProvider provider)
        {
            // The provider owns the PDB's memory; it lives as long as this cache entry, i.e. the process.
            _pdb = provider.GetMetadataReader();
        }

        /// <summary>Opens the assembly's symbols, or returns null when there are none (release builds without PDBs, Windows PDBs, in-memory assemblies).</summary>
        public static AssemblySymbols? TryOpen(Assembly assembly)
        {
            var path = assembly.Location;
            if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
            try
            {
                using var stream = File.OpenRead(path);
                using var peReader = new PEReader(stream);
                if (!peReader.TryOpenAssociatedPortablePdb(path, OpenIfExists, out var provider, out _) || provider is null) return null;
                return new AssemblySymbols(provider);
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException || e is InvalidOperationException)
            {
                return null;
            }
        }

        public SourceLocation? FirstLineOf(MethodBase method)
        {
            if (method.Module.Assembly.IsDynamic) return null;
            lock (_gate)
            {
                return FirstSequencePoint(method.MetadataToken);
            }
        }

        /// <summary>
        /// Where a property (or navigation) is declared: its name in <c>public double Price</c>, the place the analyzers point at
        /// (rules.md, "One answer per finding"). The PDB has lines for the accessor only (<c>get;</c>, <c>get =&gt; _total;</c>),
        /// which is on a line of its own below the name when the property spans several lines, so the file is read from the
        /// accessor up to the name. The accessor's location when the file cannot be read or the name is not found before the
        /// end of the member above it.
        /// </summary>
        public SourceLocation? FirstLineOf(PropertyInfo property, MethodBase accessor)
        {
            var body = FirstLineOf(accessor);
            if (body is null || !(ReadLines(body.FilePath) is { } lines) || body.Line > lines.Length) return body;

            // The name, then what follows a property's name: its accessor list, an expression body, or the end of the line.
            var pattern = new System.Text.RegularExpressions.Regex(@"(?<![\w.])@?(?<name>" + System.Text.RegularExpressions.Regex.Escape(property.Name) + @")\s*(?:\{|=>|$)");
            for (var index = body.Line - 1; index >= 0; index--)
            {
                var text = index == body.Line - 1 ? lines[index].Substring(0, Math.Min(Math.Max(body.Column - 1, 0), lines[index].Length)) : lines[index];
                var matches = pattern.Matches(text);
                if (matches.Count > 0)
                {
                    var column = matches[matches.Count - 1].Groups["name"].Index + 1;
                    return new SourceLocation(body.FilePath, index + 1, column, endLine: index + 1, endColumn: column + property.Name.Length);
                }

                // Above the accessor's own line, a line that ends a statement or a block ends the member before this one.
                var trimmed = text.TrimEnd();
                if (index < body.Line - 1 && (trimmed.EndsWith(";", StringComparison.Ordinal) || trimmed.EndsWith("}", StringComparison.Ordinal))) break;
            }

            return body;
        }

        /// <summary>The earliest line, in the file that holds most of the type, over all methods of the type that have sequence points.</summary>
        public SourceLocation? FirstLineOf(Type type) => _types.GetOrAdd(type, t =>
        {
            var methods = t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>()
                .Concat(t.GetConstructors(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic));
            SourceLocation?[] located;
            lock (_gate)
            {
                located = methods.Select(m => FirstSequencePoint(m.MetadataToken)).ToArray();
            }

            var found = located.Where(l => l is not null).Select(l => l!).ToList();
            if (found.Count == 0) return null;

            // A partial type can span files; the file with the most members is the type's home.
            var file = found.GroupBy(l => l.FilePath, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
            var firstMember = file.OrderBy(l => l.Line).ThenBy(l => l.Column).First();
            return Declaration(firstMember, t) ?? firstMember;
        });

        /// <summary>
        /// Where the type is declared: its name in <c>class Expense</c>, found in the source file above its first member, the
        /// line and column the analyzers point at for a finding on an entity type (rules.md, "Where findings point"). A PDB
        /// records no line for a type itself; null when the file cannot be read or the declaration is not found above.
        /// </summary>
        private SourceLocation? Declaration(SourceLocation firstMember, Type type)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            if (!(ReadLines(firstMember.FilePath) is { } lines)) return null;

            var pattern = new System.Text.RegularExpressions.Regex(@"\b(class|record|struct|interface)\s+(struct\s+|class\s+)?(?<name>" + System.Text.RegularExpressions.Regex.Escape(name) + @")\b");
            for (var index = Math.Min(firstMember.Line, lines.Length) - 1; index >= 0; index--)
            {
                var match = pattern.Match(lines[index]);
                if (match.Success)
                {
                    var column = match.Groups["name"].Index + 1;
                    return new SourceLocation(firstMember.FilePath, index + 1, column, endLine: index + 1, endColumn: column + name.Length);
                }
            }

            return null;
        }

        /// <summary>
        /// Where a field is declared: its name in <c>private string? _email;</c>, the place the analyzers point at for a finding on a
        /// member mapped to a field (rules.md, "One answer per finding"). A PDB records no line for a field, so the declaring type's
        /// file is read from the type's declaration down to the first declaration of the name; null when the type has no
        /// location, the file cannot be read or no declaration is found (the caller then points at the type).
        /// </summary>
        public SourceLocation? FirstLineOf(FieldInfo field)
        {
            if (field.DeclaringType is null || field.Name.IndexOf('<') >= 0) return null; // compiler-generated backing fields have no declaration
            if (!(FirstLineOf(field.DeclaringType) is { } type) || !(ReadLines(type.FilePath) is { } lines)) return null;

            // A type, then the name, then what ends a declarator: '=' (not '==' or '=>'), ';' or ','. The word before the name must
            // be a type, not a statement keyword (`return _name;`).
            var pattern = new System.Text.RegularExpressions.Regex(@"(?<type>[\w.]+(?:<[^;=()]*>)?\??(?:\[[,\s]*\])?)\s+@?(?<name>" +
                System.Text.RegularExpressions.Regex.Escape(field.Name) + @")\s*(?:=(?![=>])|;|,)");
            for (var index = type.Line - 1; index < lines.Length; index++)
            {
                var from = index == type.Line - 1 ? Math.Min(Math.Max(type.Column - 1, 0), lines[index].Length) : 0;
                for (var match = pattern.Match(lines[index], from); match.Success; match = match.NextMatch())
                {
                    if (StatementKeywords.Contains(match.Groups["type"].Value)) continue;
                    var column = match.Groups["name"].Index + 1;
                    return new SourceLocation(type.FilePath, index + 1, column, endLine: index + 1, endColumn: column + field.Name.Length);
                }
            }

            return null;
        }

        private static readonly string[] StatementKeywords = { "return", "await", "throw", "yield", "else", "case", "goto", "in", "is", "as", "out", "ref", "new", "typeof", "nameof" };

        private string[]? ReadLines(string path) => _files.GetOrAdd(path, p =>
        {
            try
            {
                return File.Exists(p) ? File.ReadAllLines(p) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        });

        private SourceLocation? FirstSequencePoint(int metadataToken)
        {
            var handle = MetadataTokens.EntityHandle(metadataToken);
            if (handle.Kind != HandleKind.MethodDefinition) return null;
            var methodHandle = (MethodDefinitionHandle)handle;
            if (MetadataTokens.GetRowNumber(methodHandle) > _pdb.MethodDebugInformation.Count) return null;
            var debugInformation = _pdb.GetMethodDebugInformation(methodHandle);
            foreach (var point in debugInformation.GetSequencePoints())
            {
                if (point.IsHidden || point.Document.IsNil) continue;
                var document = _pdb.GetDocument(point.Document);
                var path = _pdb.GetString(document.Name);
                if (string.IsNullOrEmpty(path)) continue;
                return new SourceLocation(path, point.StartLine, point.StartColumn, endLine: point.EndLine, endColumn: point.EndColumn);
            }

            return null;
        }

        private static Stream? OpenIfExists(string path) => File.Exists(path) ? File.OpenRead(path) : null;
    }
}
