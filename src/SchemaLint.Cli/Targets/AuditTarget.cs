namespace SchemaLint.Cli.Targets
{
    /// <summary>The built application to audit, and where its settings live.</summary>
    internal sealed class AuditTarget
    {
        public AuditTarget(string assemblyPath, string workingDirectory, string? nuGetPackageRoot, string? projectPath = null, string? targetFramework = null)
        {
            AssemblyPath = assemblyPath;
            WorkingDirectory = workingDirectory;
            NuGetPackageRoot = nuGetPackageRoot;
            ProjectPath = projectPath;
            TargetFramework = targetFramework;
        }

        /// <summary>The project the audit built, or null for an assembly given as it is (or a project audited with --no-build).</summary>
        public string? ProjectPath { get; }

        /// <summary>The framework chosen for a multi-targeted project, or null.</summary>
        public string? TargetFramework { get; }

        public string AssemblyPath { get; }

        /// <summary>The project directory (or the assembly's folder): the application's content root and where .editorconfig is looked up.</summary>
        public string WorkingDirectory { get; }

        /// <summary>The packages folder the build restored into, when known; the inner host probes it as dotnet ef does.</summary>
        public string? NuGetPackageRoot { get; }
    }
}
