using System;
using System.Collections.Generic;
using SchemaLint.Analyzers.SourceModel.Drafts;

namespace SchemaLint.Analyzers.SourceModel.Declarations
{
    /// <summary>
    /// What the compilation declares that model building starts from, as data: its concrete DbContext classes and the
    /// configuration classes <c>ApplyConfigurationsFromAssembly</c> would apply, with their entity types. Finding them asks
    /// every source type for its base types and interfaces; a later snapshot whose edits changed no type header (no type
    /// added, removed, renamed or rebased) takes them over, unless an edit changed one of their constructors.
    /// </summary>
    internal sealed class ScopeFacts
    {
        public ScopeFacts(IReadOnlyList<ClrType> contexts, IReadOnlyList<(ClrType Configuration, ClrType Entity)> configurations)
        {
            Contexts = contexts;
            Configurations = configurations;
            foreach (var context in contexts) Names.Add(context.Name);
            foreach (var (configuration, _) in configurations) Names.Add(configuration.Name);
        }

        public IReadOnlyList<ClrType> Contexts { get; }

        public IReadOnlyList<(ClrType Configuration, ClrType Entity)> Configurations { get; }

        /// <summary>The classes' simple names: an edit to a member of that name (a constructor is named after its class) may change them.</summary>
        public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);
    }
}
