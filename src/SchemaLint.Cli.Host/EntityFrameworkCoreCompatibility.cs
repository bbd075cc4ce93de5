using System;
using System.IO;
using System.Reflection;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host
{
    /// <summary>
    /// The inner host is compiled against EF Core 10. Before any EF Core type is touched, check which EF Core the
    /// application brought, so an older one gets a sentence rather than a MissingMethodException.
    /// </summary>
    internal static class EntityFrameworkCoreCompatibility
    {
        public const int SupportedMajor = 10;
        public const string SupportedVersionsText = "EF Core 10 (10.0.x)";

        public static void EnsureSupported(Assembly application)
        {
            var applicationName = Path.GetFileName(application.Location);
            var entityFramework = TryLoad("Microsoft.EntityFrameworkCore");
            if (entityFramework is null)
                throw new HostFailureException(ExitCodes.InputError,
                    $"'{applicationName}' does not use EF Core, so it has no DbContext to audit; point schemalint at the application or library that defines your DbContext.");

            var version = entityFramework.GetName().Version ?? new Version(0, 0);
            if (version.Major < SupportedMajor)
                throw new HostFailureException(ExitCodes.LoadError,
                    $"'{applicationName}' uses EF Core {version.ToString(3)}, but schemalint audits applications on {SupportedVersionsText}; upgrade the application to EF Core {SupportedMajor} to audit it.");

            if (TryLoad("Microsoft.EntityFrameworkCore.Relational") is null)
                throw new HostFailureException(ExitCodes.LoadError,
                    $"'{applicationName}' uses no relational EF Core provider, so it has no database schema to audit; audit an application that uses a relational provider (for example Npgsql or SQL Server).");
        }

        private static Assembly? TryLoad(string name)
        {
            try
            {
                return Assembly.Load(new AssemblyName(name));
            }
            catch (Exception e) when (e is FileNotFoundException || e is FileLoadException)
            {
                return null;
            }
        }
    }
}
