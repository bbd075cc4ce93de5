using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;

namespace SchemaLint.LiveDatabase.Tests.Sqlite;

/// <summary>The store's SQLite database file as EF Core creates it, in a folder of its own that a test then breaks; deleted on dispose.</summary>
public sealed class StoreDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "schemalint-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public StoreDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "store.db");
        using var context = CreateContext();
        context.Database.EnsureCreated();
    }

    public string Path { get; }

    public string ConnectionString => "Data Source=" + Path;

    public StoreContext CreateContext() => new(new DbContextOptionsBuilder<StoreContext>().UseSqlite(ConnectionString).Options);

    /// <summary>Runs SQL as sqlite3 would: several statements, foreign keys not enforced (as in a plain session).</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False;Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public AuditReport Audit()
    {
        using var context = CreateContext();
        return LiveDatabaseAudit.Run(context, ConnectionString);
    }

    public IReadOnlyList<Finding> DatabaseFindings() => Audit().Findings.Where(f => f.Rule.RequiresDatabase).ToList();

    /// <summary>
    /// Every table, index and trigger as SQLite stores its definition, white space and the order of a table's columns and
    /// constraints aside (the fixes write their SQL on one line, EnsureCreated on several; EF Core's table rebuild lists the
    /// columns in its model's order): two files with equal lists have the same schema.
    /// </summary>
    public IReadOnlyList<string> Definitions()
    {
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read()) lines.Add(Normalized(reader.GetString(0)));
        return lines;
    }

    private static string Normalized(string definition)
    {
        var text = Regex.Replace(definition, @"\s+", " ").Replace("( ", "(").Replace(" )", ")");
        if (!text.StartsWith("table ", StringComparison.Ordinal)) return text;
        var open = text.IndexOf('(');
        var elements = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < text.Length - 1; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                elements.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        elements.Add(text[start..^1].Trim());
        return text[..(open + 1)] + string.Join(", ", elements.Order(StringComparer.Ordinal)) + ")";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
