namespace SchemaLint.Cli.Targets
{
    /// <summary>The built application to audit, and where its settings live.</summary>
    internal sealed class AuditTarget
    {
        public AuditTarget(string assemblyPath, string workingDirectory, string? nuGetPackageRoot)
        {
            AssemblyPath = assemblyPath;
            WorkingDirectory = workingDirectory;
            NuGetPackageRoot = nuGetPackageRoot;
        }

        public string AssemblyPath { get; }

        /// <summary>The project directory (or the assembly's folder): the application's content root and where .editorconfig is looked up.</summary>
        public string WorkingDirectory { get; }

        /// <summary>The packages folder the build restored into, when known; the inner host probes it as dotnet ef does.</summary>
        public string? NuGetPackageRoot { get; }
    }
}
