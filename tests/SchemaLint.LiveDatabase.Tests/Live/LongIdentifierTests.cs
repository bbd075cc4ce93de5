using SchemaLint.Core.Engine;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>PostgreSQL keeps the first 63 bytes of a longer identifier: the check must look the model's names up cut the same way.</summary>
public class LongIdentifierTests
{
    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    [PostgresFact]
    public void An_intact_database_whose_names_the_server_cut_gives_no_database_findings()
    {
        using var database = new AwkwardNamesDatabase();

        Assert.Empty(database.DatabaseFindings());
    }

    [PostgresFact]
    public void SL6003_fires_on_a_column_whose_table_and_column_names_the_server_cut()
    {
        using var database = new AwkwardNamesDatabase();
        database.Execute($"ALTER TABLE {Quoted(AwkwardNamesContext.LongTable)} ALTER COLUMN {Quoted(AwkwardNamesContext.LongColumn)} TYPE varchar(20)");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6003", finding.RuleId);
        Assert.Equal("Reference", finding.MemberName);
    }

    [PostgresFact]
    public void SL6004_fires_on_a_unique_index_of_a_table_whose_multibyte_name_the_server_cut()
    {
        using var database = new AwkwardNamesDatabase();
        database.Execute($"DROP INDEX {Quoted(AwkwardNamesContext.TransferPurposeIndex)}");

        var finding = Assert.Single(database.DatabaseFindings());

        Assert.Equal("SL6004", finding.RuleId);
    }
}
