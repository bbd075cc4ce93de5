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
        private static SourceLocation? Declaration(SourceLocation firstMember, Type type)
        {
            var name = type.Name;
            var tick = name.IndexOf('`');
            if (tick >= 0) name = name.Substring(0, tick);
            string[] lines;
            try
            {
                if (!File.Exists(firstMember.FilePath)) return null;
                lines = File.ReadAllLines(firstMember.FilePath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }

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
