using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Model
{
    /// <summary>
    /// Which assemblies are the application's and which a package's: the one rule both front ends apply. An assembly is a
    /// package's when NuGet restored it or the .NET SDK or runtime supplies it; every assembly compiled from the application's
    /// own projects (the project itself and its project references) is the application's. The analyzers see each reference's
    /// path, which for a package lies in NuGet's folder layout (<see cref="PackageOfAssemblyPath"/>); the audit sees the
    /// application's <c>.deps.json</c>, which lists every library as a <c>project</c> or a <c>package</c>, and falls back to the
    /// path for an assembly the file does not list (the shared framework).
    /// </summary>
    public static class PackageAssemblies
    {
        // NuGet's global packages folder, its fallback folders and the SDK's targeting packs all keep an assembly at
        // <id>/<version>/<asset folder>/...; the runtime's shared frameworks at shared/<name>/<version>/<file>.
        private static readonly HashSet<string> AssetFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "lib", "ref", "runtimes", "analyzers", "build", "buildTransitive", "tools", "contentFiles",
        };

        private static readonly Regex Version = new Regex(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.\-]+)?(\+[0-9A-Za-z.\-]+)?$", RegexOptions.CultureInvariant);

        /// <summary>
        /// The package (its id as the folder spells it, lower case in NuGet's folder) an assembly at this path was restored
        /// from, or null when the path is not in a package layout: an assembly built from the application's projects.
        /// </summary>
        public static string? PackageOfAssemblyPath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return null;
            var segments = path!.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            var file = segments.Length - 1;

            // The nearest match to the file wins: a package folder may itself lie under a folder that looks like one.
            for (var i = file - 3; i >= 0; i--)
            {
                if (Version.IsMatch(segments[i + 1]) && AssetFolders.Contains(segments[i + 2])) return segments[i];
            }

            if (file >= 3 && string.Equals(segments[file - 3], "shared", StringComparison.OrdinalIgnoreCase) && Version.IsMatch(segments[file - 1]))
                return segments[file - 2];
            return null;
        }
    }

    /// <summary>
    /// Whether a finding is about something a package declares, which the application cannot change: an entity type a package
    /// declares, or a member of the application's own type that the type inherits from a package's (the columns
    /// <c>IdentityUser</c> brings to <c>AppUser : IdentityUser</c>). Such findings are not reported unless
    /// <c>schemalint.include_package_entities</c> is on. Entity-level rules (SL1007, SL3001) still judge the application's
    /// types that derive from a package's, since the application can add to them; the database (SL6xxx) and migration
    /// (SL7xxx) rules judge the application's database and migrations, and are never skipped.
    /// </summary>
    public static class PackageOwnership
    {
        /// <summary>
        /// The package that owns a relationship, from the packages of its parts that have a CLR declaration (foreign-key
        /// properties and navigations on either side, null for a part the application declares): the application's as soon as
        /// it declares one part, a package's only when the package declares them all. Null when no part has a declaration.
        /// </summary>
        public static string? OfDeclaredParts(IEnumerable<string?> packagesOfDeclaredParts)
        {
            string? package = null;
            foreach (var part in packagesOfDeclaredParts)
            {
                if (part is null) return null;
                package ??= part;
            }

            return package;
        }

        /// <summary>
        /// Whether a finding on <paramref name="entity"/> and <paramref name="member"/> (as a rule reports them: a property, a
        /// relationship by its navigation or a foreign-key property, an index by its name or its columns) is about something a
        /// package declares. A member that names nothing, or names anything the application declares, leaves the finding
        /// reported.
        /// </summary>
        public static bool IsAboutPackage(SchemaModel model, RuleDescriptor rule, EntityTypeModel? entity, string? member)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if (rule is null) throw new ArgumentNullException(nameof(rule));
            if (entity is null || rule.RequiresDatabase || rule.RequiresMigrations) return false;
            if (entity.Package is not null) return true;
            if (member is null) return false;

            var named = 0;
            var byPackage = 0;
            void Count(bool isPackage)
            {
                named++;
                if (isPackage) byPackage++;
            }

            var properties = model.AllProperties(entity).ToList();
            foreach (var property in properties)
            {
                if (string.Equals(property.Name, member, StringComparison.Ordinal)) Count(property.Package is not null);
            }

            foreach (var foreignKey in model.AllForeignKeys(entity))
            {
                if (string.Equals(foreignKey.DependentNavigation, member, StringComparison.Ordinal) || foreignKey.PropertyNames.Contains(member, StringComparer.Ordinal))
                    Count(foreignKey.Package is not null);
            }

            foreach (var index in model.AllIndexes(entity))
            {
                if (string.Equals(index.Name, member, StringComparison.Ordinal) || string.Equals(string.Join(",", index.PropertyNames), member, StringComparison.Ordinal))
                    Count(index.PropertyNames.All(name => properties.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal) && p.Package is not null)));
            }

            return named > 0 && byPackage == named;
        }

        /// <summary>
        /// The entity types a package declares, by package (ordinal order), whose findings an audit with these options does not
        /// report; empty when <c>schemalint.include_package_entities</c> is on.
        /// </summary>
        public static IReadOnlyList<PackageEntityTypes> SkippedEntityTypes(SchemaModel model, SchemaLintOptions? options)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            if ((options ?? SchemaLintOptions.Default).IncludePackageEntities) return Array.Empty<PackageEntityTypes>();
            return model.Entities
                .Where(e => e.Package is not null)
                .GroupBy(e => e.Package!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new PackageEntityTypes(g.Key, g.Select(e => e.ShortName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList()))
                .ToList();
        }
    }

    /// <summary>The entity types one package declares, by their short names.</summary>
    public sealed class PackageEntityTypes
    {
        public PackageEntityTypes(string package, IReadOnlyList<string> entityTypes)
        {
            Package = package ?? throw new ArgumentNullException(nameof(package));
            EntityTypes = entityTypes ?? throw new ArgumentNullException(nameof(entityTypes));
        }

        public string Package { get; }

        public IReadOnlyList<string> EntityTypes { get; }

        /// <summary>
        /// "Skipped 2 entity types owned by packages (Microsoft.Extensions.Identity.Stores: IdentityRole, IdentityUserClaim&lt;string&gt;);
        /// set schemalint.include_package_entities = true to review them.", or null when nothing was skipped.
        /// </summary>
        public static string? Sentence(IReadOnlyList<PackageEntityTypes> skipped)
        {
            if (skipped is null || skipped.Count == 0) return null;
            var count = skipped.Sum(p => p.EntityTypes.Count);
            var listed = string.Join("; ", skipped.Select(p => $"{p.Package}: {string.Join(", ", p.EntityTypes)}"));
            return $"Skipped {count} entity type{(count == 1 ? string.Empty : "s")} owned by packages ({listed}); set "
                + $"{SchemaLintOptions.Keys.IncludePackageEntities} = true to review them.";
        }
    }
}
