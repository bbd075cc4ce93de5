using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// The SQL of the first migration EF Core would write for a context's model (its model differ from nothing, then the
/// provider's migrations SQL generator), as `dotnet ef migrations script` prints it. Where no server can run, this is what
/// the server would be sent.
/// </summary>
public sealed class MigrationSql
{
    private MigrationSql(string sql)
    {
        Text = sql;
    }

    public string Text { get; }

    public static MigrationSql Of(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        return new MigrationSql(string.Join(Environment.NewLine, commands.Select(c => c.CommandText)));
    }

    /// <summary>
    /// Each foreign key on the table with its ON DELETE action (NO ACTION where the SQL names none, as the server takes it),
    /// whether the CREATE TABLE declares it or a later ALTER TABLE adds it (as EF Core does to close a cycle).
    /// </summary>
    public IReadOnlyList<string> OnDeleteActions(string table)
    {
        var quoted = $@"[\[""`]{Regex.Escape(table)}[\]""`]";
        var statements = Regex.Split(Text, @";\s*(?:\r?\n|$)")
            .Where(s => Regex.IsMatch(s, $@"^\s*(CREATE TABLE {quoted} \(|ALTER TABLE {quoted} ADD CONSTRAINT)"))
            .ToList();
        Assert.True(statements.Count > 0, $"The migration creates no table {table}:{Environment.NewLine}{Text}");
        return statements
            .SelectMany(s => Regex.Matches(s, @"CONSTRAINT [\[""](?<name>[^\]""]+)[\]""] FOREIGN KEY[^\n]*?(ON DELETE (?<action>CASCADE|SET NULL|SET DEFAULT|RESTRICT|NO ACTION))?,?\s*$", RegexOptions.Multiline))
            .Select(m => m.Groups["name"].Value + " " + (m.Groups["action"].Success ? m.Groups["action"].Value : "NO ACTION"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
