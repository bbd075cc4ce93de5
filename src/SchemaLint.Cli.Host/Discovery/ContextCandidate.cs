using System;

namespace SchemaLint.Cli.Host.Discovery
{
    /// <summary>A DbContext type found in the application, and the ways dotnet ef would create it.</summary>
    internal sealed class ContextCandidate
    {
        public ContextCandidate(Type contextType)
        {
            ContextType = contextType;
        }

        public Type ContextType { get; }

        /// <summary>An IDesignTimeDbContextFactory&lt;T&gt; for it: always preferred.</summary>
        public Type? FactoryType { get; set; }

        /// <summary>Registered in the application's service provider (AddDbContext and friends).</summary>
        public bool IsRegistered { get; set; }

        public string Name => ContextType.Name;

        public string FullName => ContextType.FullName ?? ContextType.Name;
    }
}
