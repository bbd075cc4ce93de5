using System.Collections.Generic;
using System.Linq;
using SchemaLint.Bench.Generator.Plan;

namespace SchemaLint.Bench.Generator.Emit;

/// <summary>Writes the application around the entities: context, design-time factory, entry point, services, project file.</summary>
public static class AppWriter
{
    public const string ContextName = "BenchContext";

    public static string Context(AppPlan plan)
    {
        var w = new CodeWriter();
        w.Line("using System;")
            .Line("using System.Threading;")
            .Line("using System.Threading.Tasks;")
            .Line("using BenchApp.Model;")
            .Line("using Microsoft.EntityFrameworkCore;")
            .Line()
            .Line("namespace BenchApp;")
            .Line();
        w.Open($"public class {ContextName} : DbContext");
        w.Line($"public {ContextName}(DbContextOptions<{ContextName}> options)")
            .Line("    : base(options)")
            .Line("{")
            .Line("}")
            .Line();
        foreach (var entity in plan.Entities) w.Line($"public DbSet<{entity.Name}> {entity.PluralName} => Set<{entity.Name}>();");
        w.Line();
        w.Line("protected override void OnModelCreating(ModelBuilder modelBuilder) =>");
        w.Line($"    modelBuilder.ApplyConfigurationsFromAssembly(typeof({ContextName}).Assembly);");
        w.Line();
        w.Open("public override int SaveChanges(bool acceptAllChangesOnSuccess)")
            .Line("StampUpdated();")
            .Line("return base.SaveChanges(acceptAllChangesOnSuccess);")
            .Close();
        w.Line();
        w.Open("public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)")
            .Line("StampUpdated();")
            .Line("return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);")
            .Close();
        w.Line();
        w.Open("private void StampUpdated()")
            .Line("foreach (var entry in ChangeTracker.Entries<IAuditable>())")
            .Line("    if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;")
            .Close();
        w.Close();
        return w.ToString();
    }

    public const string Factory = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Design;

        namespace BenchApp;

        /// <summary>How design-time tools (dotnet ef, schemalint audit) create the context: the provider, no database connection.</summary>
        public class BenchContextFactory : IDesignTimeDbContextFactory<BenchContext>
        {
            public BenchContext CreateDbContext(string[] args) =>
                new(new DbContextOptionsBuilder<BenchContext>().UseNpgsql("Host=localhost;Database=bench;Username=bench").Options);
        }

        """;

    /// <summary>The bare program: builds the design-time model as `dotnet ef` does and nothing else (EF Core's own work, the audit's floor).</summary>
    public const string Program = """
        using System;
        using System.Diagnostics;
        using System.Linq;
        using BenchApp;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Metadata;

        var stopwatch = Stopwatch.StartNew();
        EF.IsDesignTime = true;
        using var context = new BenchContextFactory().CreateDbContext(args);
        var model = context.GetService<IDesignTimeModel>().Model;
        Console.WriteLine($"{model.GetEntityTypes().Count()} entity types; design-time model built in {stopwatch.ElapsedMilliseconds} ms");

        """;

    public static string Service(ServicePlan service)
    {
        var entity = service.Entity;
        var set = entity.PluralName;
        var w = new CodeWriter();
        w.Line("using System.Collections.Generic;")
            .Line("using System.Linq;")
            .Line("using BenchApp.Model;")
            .Line("using Microsoft.EntityFrameworkCore;")
            .Line()
            .Line("namespace BenchApp.Services;")
            .Line();
        w.Open($"public sealed class {service.Name}");
        w.Line($"private readonly {ContextName} _context;").Line();
        w.Open($"public {service.Name}({ContextName} context)").Line("_context = context;").Close();
        w.Line();
        w.Open($"public {entity.Name} Create(string name)")
            .Line($"var entity = new {entity.Name} {{ Name = name }};")
            .Line($"_context.{set}.Add(entity);")
            .Line("_context.SaveChanges();")
            .Line("return entity;")
            .Close();
        w.Line();
        w.Line($"public List<{entity.Name}> FindByName(string name) =>");
        w.Line($"    _context.{set}.Where(e => e.Name == name).OrderBy(e => e.Id).ToList();");
        w.Line();
        w.Open($"public static int Count(DbContextOptions<{ContextName}> options)")
            .Line(service.Violations.Contains(Violation.UndisposedContext) ? $"var context = new {ContextName}(options);" : $"using var context = new {ContextName}(options);")
            .Line($"return context.{set}.Count();")
            .Close();
        w.Line();
        w.Line(service.Violations.Contains(Violation.EnsureCreated)
            ? "public void PrepareDatabase() => _context.Database.EnsureCreated();"
            : "public void PrepareDatabase() => _context.Database.Migrate();");
        w.Close();
        return w.ToString();
    }

    /// <summary>The peer analyzer package the build benchmark measures beside SchemaLint (the version the package source serves).</summary>
    public const string MeziantouPackage = "Meziantou.Analyzer";

    public const string MeziantouVersion = "3.0.321";

    /// <param name="analyzerProject">Path of src/SchemaLint.Analyzers/SchemaLint.Analyzers.csproj relative to the project folder.</param>
    public static string Project(string analyzerProject) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- A synthetic EF Core 10 application written by SchemaLint.Bench.Generator. Do not edit: regenerate.
               -p:UseSchemaLint=true references the SchemaLint analyzers: as a project (the default), or, with
               -p:SchemaLintAnalyzerDir=<folder>, as prebuilt analyzer assemblies the way a NuGet package delivers them.
               -p:UseMeziantou=true runs {{MeziantouPackage}}'s analyzers at their default severities, as a user who adds the package gets them.
               The package is always restored (one restore serves every configuration, so builds can alternate with
               no restore between them); with UseMeziantou false its analyzers are taken off the compiler's list. -->
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <RootNamespace>BenchApp</RootNamespace>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
            <UseSchemaLint Condition="'$(UseSchemaLint)' == ''">false</UseSchemaLint>
            <UseMeziantou Condition="'$(UseMeziantou)' == ''">false</UseMeziantou>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="10.0.0" />
            <PackageReference Include="{{MeziantouPackage}}" Version="{{MeziantouVersion}}" PrivateAssets="all" />
          </ItemGroup>
          <Target Name="LeaveOutMeziantou" AfterTargets="ResolveLockFileAnalyzers" BeforeTargets="CoreCompile" Condition="'$(UseMeziantou)' != 'true'">
            <ItemGroup>
              <Analyzer Remove="@(Analyzer)" Condition="'%(Analyzer.NuGetPackageId)' == '{{MeziantouPackage}}'" />
            </ItemGroup>
          </Target>
          <ItemGroup Condition="'$(UseSchemaLint)' == 'true' and '$(SchemaLintAnalyzerDir)' == ''">
            <ProjectReference Include="{{analyzerProject}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
          <ItemGroup Condition="'$(UseSchemaLint)' == 'true' and '$(SchemaLintAnalyzerDir)' != ''">
            <Analyzer Include="$(SchemaLintAnalyzerDir)/*.dll" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>Files at the output root that stop MSBuild from importing the repository's own props (central versions, warnings as errors).</summary>
    public static IEnumerable<(string Path, string Text)> IsolationFiles()
    {
        const string empty = "<Project>\n  <!-- Generated benchmark applications stand alone, like a user's repository. -->\n</Project>\n";
        yield return ("Directory.Build.props", empty);
        yield return ("Directory.Build.targets", empty);
        yield return ("Directory.Packages.props", empty);
    }

    public static int CountLines(IEnumerable<string> texts) => texts.Sum(t => t.Count(c => c == '\n'));
}
