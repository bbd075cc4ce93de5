using SchemaLint.Core.Model.Migrations;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Tests.Rules.Migrations;

public sealed class ColumnNarrowedOrRewrittenTests
{
    private const string Id = RuleIds.ColumnNarrowedOrRewritten;

    private static ColumnDefinition Typed(string storeType, string clrType = "String") =>
        new() { Name = "Value", ClrType = clrType, StoreType = storeType, IsNullable = false, HasDefault = false };

    private static IReadOnlyList<Core.Engine.Finding> Alter(string from, string to, string fromClr = "String", string toClr = "String", History? history = null) =>
        (history ?? History.PostgreSql()).Migration("Initial", m => m.CreateTable("Items", Col.Int("Id"), Typed(from, fromClr)))
            .Migration("Change", m => m.AlterColumn("Items", Typed(to, toClr), Typed(from, fromClr))).Lint(Id);

    [Fact]
    public void Fires_on_text_made_shorter()
    {
        var finding = Assert.Single(Alter("character varying(200)", "character varying(50)"));

        Assert.StartsWith("Migration 'Change' changes \"Items\".\"Value\" from character varying(200) to character varying(50): longer values make the migration fail", finding.Message);
        Assert.Contains("backfill it in batches", finding.Message);
    }

    [Fact]
    public void Fires_on_unbounded_text_given_a_maximum_length()
    {
        Assert.Single(Alter("text", "character varying(100)"));
    }

    [Theory]
    [InlineData("character varying(50)", "character varying(200)")]
    [InlineData("character varying(50)", "text")]
    [InlineData("nvarchar(50)", "nvarchar(max)")]
    public void Stays_silent_on_text_made_longer(string from, string to)
    {
        Assert.Empty(Alter(from, to));
    }

    [Fact]
    public void Fires_on_fewer_digits_after_the_point()
    {
        Assert.Contains("rounded away", Assert.Single(Alter("numeric(18,4)", "numeric(18,2)", "Decimal", "Decimal")).Message);
    }

    [Fact]
    public void Fires_on_fewer_integer_digits()
    {
        Assert.Contains("no longer fit", Assert.Single(Alter("numeric(18,2)", "numeric(10,2)", "Decimal", "Decimal")).Message);
    }

    [Fact]
    public void Stays_silent_on_more_precision_with_the_same_scale()
    {
        Assert.Empty(Alter("numeric(10,2)", "numeric(18,2)", "Decimal", "Decimal"));
    }

    [Fact]
    public void Fires_on_a_change_of_type_family()
    {
        Assert.Contains("type family", Assert.Single(Alter("text", "integer", "String", "Int32")).Message);
    }

    [Fact]
    public void Fires_on_integer_widening_that_rewrites_the_table_on_PostgreSQL()
    {
        Assert.Contains("rewrites the table", Assert.Single(Alter("integer", "bigint", "Int32", "Int64")).Message);
    }

    [Fact]
    public void Stays_silent_on_integer_widening_on_SQLite()
    {
        Assert.Empty(Alter("INTEGER", "INTEGER", "Int32", "Int64", History.Sqlite()));
    }

    [Fact]
    public void Stays_silent_on_a_column_whose_type_did_not_change()
    {
        Assert.Empty(Alter("character varying(50)", "character varying(50)"));
    }

    [Fact]
    public void Stays_silent_when_the_old_type_is_unknown()
    {
        var findings = History.PostgreSql().Migration("Change", m => m.AlterColumn("Items", Typed("character varying(50)"), new ColumnDefinition { Name = "Value" })).Lint(Id);

        Assert.Empty(findings);
    }

    [Fact]
    public void Reads_lengths_from_max_length_when_no_store_type_is_given()
    {
        var findings = History.SqlServer().Migration("Change", m => m.AlterColumn("Items",
            new ColumnDefinition { Name = "Value", ClrType = "String", MaxLength = 50 },
            new ColumnDefinition { Name = "Value", ClrType = "String", MaxLength = 100 })).Lint(Id);

        Assert.Single(findings);
    }
}
