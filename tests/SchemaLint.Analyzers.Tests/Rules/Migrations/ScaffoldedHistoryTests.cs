using SchemaLint.Analyzers.Migrations;
using SchemaLint.Analyzers.Tests.Packaging;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Rules.Migrations;

/// <summary>
/// tests/Fixtures/MigrationsApp: a history scaffolded by the real dotnet ef migrations add (scripts/scaffold-migrations-fixture.sh),
/// each migration after the first planting one unsafe change. The analyzer reports exactly those, where they are written.
/// </summary>
public sealed class ScaffoldedHistoryTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests", "Fixtures", "MigrationsApp");

    /// <summary>The migration (file-name suffix) and the call in it that each rule must flag.</summary>
    private static readonly (string Migration, string Call, string Id)[] Planted =
    {
        ("_IndexCustomerEmail.cs", "CreateIndex", "SL7001"),
        ("_ShortenCustomerName.cs", "AlterColumn", "SL7004"),
        ("_RequireCustomerEmail.cs", "AlterColumn", "SL7002"),
        ("_DropCustomerNotes.cs", "DropColumn", "SL7003"),
        ("_UniqueCustomerEmail.cs", "CreateIndex", "SL7006"),
        ("_AddCoupons.cs", "AddForeignKey", "SL7005"),
    };

    [Fact]
    public async Task Reports_exactly_the_unsafe_change_each_scaffolded_migration_plants()
    {
        var builder = Verifier.CreateProjectBuilder()
            .WithAnalyzer(new MigrationAnalyzer())
            .WithSourceCode("GlobalUsings.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n");
        var files = Directory.GetFiles(Fixture, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetFileName(f) != "Program.cs")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Planted.Length + 1, files.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Migrations" && !f.EndsWith(".Designer.cs") && !f.EndsWith("Snapshot.cs")));

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var (migration, call, id) in Planted.Where(p => file.EndsWith(p.Migration, StringComparison.Ordinal)))
            {
                // Up comes before Down in a scaffolded migration; Down (never judged) may undo with the same call.
                var up = text.IndexOf("void Up(", StringComparison.Ordinal);
                var down = text.IndexOf("void Down(", StringComparison.Ordinal);
                var marker = "migrationBuilder." + call;
                Assert.Equal(1, Occurrences(text.Substring(up, down - up), marker));
                var at = text.IndexOf(marker, up, StringComparison.Ordinal);
                text = text.Substring(0, at) + "migrationBuilder.{|" + id + ":" + call + "|}" + text.Substring(at + marker.Length);
            }

            builder = builder.WithSourceCode(Path.GetRelativePath(Fixture, file), text);
        }

        await builder.ValidateAsync();
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
