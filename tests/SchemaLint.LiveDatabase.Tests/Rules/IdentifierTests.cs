using System.Text;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

/// <summary>PostgreSQL keeps whole characters up to max_identifier_length bytes of a longer name.</summary>
public class IdentifierTests
{
    [Fact]
    public void A_name_within_the_limit_is_kept_whole()
    {
        Assert.Equal("Expenses", DatabaseIdentifier.Truncate("Expenses", 63));
    }

    [Fact]
    public void A_name_of_two_byte_letters_is_cut_before_the_letter_that_would_cross_the_limit()
    {
        var name = new string('ü', 40); // 80 bytes

        var stored = DatabaseIdentifier.Truncate(name, 63);

        Assert.Equal(new string('ü', 31), stored);
        Assert.Equal(62, Encoding.UTF8.GetByteCount(stored));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_split()
    {
        var name = new string('a', 61) + "\U0001F600" + "b"; // 61 + 4 + 1 bytes

        Assert.Equal(new string('a', 61), DatabaseIdentifier.Truncate(name, 63));
    }

    [Fact]
    public void Tables_and_columns_are_found_by_a_long_model_name_as_the_server_stores_it()
    {
        const string longName = "ledger_entries_recorded_by_the_accounting_service_for_every_fiscal_year";
        var schema = new DatabaseSchema(DatabaseProvider.PostgreSql, "public") { MaxIdentifierBytes = 63 };
        var table = schema.AddTable(new DatabaseTable("public", longName[..63]));
        table.Columns.Add(new DatabaseColumn(longName[..63], "text", isNullable: false));

        Assert.Same(table, schema.FindTable(null, longName));
        Assert.NotNull(table.FindColumn(longName));
    }
}
