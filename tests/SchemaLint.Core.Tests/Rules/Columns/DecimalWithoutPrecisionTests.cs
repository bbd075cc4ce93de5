using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class DecimalWithoutPrecisionTests
{
    private const string Id = RuleIds.DecimalWithoutPrecision;

    private static SchemaBuilder Invoice(SchemaBuilder schema, Action<PropertyBuilder>? total = null, Action<EntityBuilder>? invoice = null) =>
        schema.Entity("Invoice", e =>
        {
            e.Key("Id").Property<decimal>("Total", total);
            invoice?.Invoke(e);
        });

    [Fact]
    public void Fires_on_SQL_Server_and_names_the_truncation()
    {
        var finding = Expect.Single(Invoice(Schema.SqlServer()).Lint(Id), Id, "Invoice", "Total");

        Assert.Equal("'Invoice.Total' is a decimal with no precision or scale; SQL Server falls back to decimal(18,2) (decimal(18,0) for a bare store type) and silently rounds anything finer", finding.Message);
    }

    [Fact]
    public void Fires_on_PostgreSQL_and_names_the_unbounded_numeric()
    {
        var finding = Assert.Single(Invoice(Schema.PostgreSql()).Lint(Id));

        Assert.EndsWith("PostgreSQL stores an unbounded numeric that accepts any scale", finding.Message);
    }

    [Theory]
    [InlineData("decimal")]
    [InlineData("numeric")]
    public void Fires_on_a_bare_decimal_store_type(string storeType)
    {
        Assert.Single(Invoice(Schema.SqlServer(), p => p.StoreType(storeType)).Lint(Id));
    }

    [Fact]
    public void Fires_on_a_nullable_decimal()
    {
        var findings = Schema.SqlServer().Entity("Invoice", e => e.Key("Id").Property<decimal?>("Discount")).Lint(Id);

        Expect.Single(findings, Id, "Invoice", "Discount");
    }

    [Fact]
    public void Is_silent_with_precision_and_scale()
    {
        Assert.Empty(Invoice(Schema.SqlServer(), p => p.Precision(18, 2)).Lint(Id));
    }

    [Theory]
    [InlineData("decimal(18,4)")]
    [InlineData("money")]
    public void Is_silent_with_an_explicit_store_type(string storeType)
    {
        Assert.Empty(Invoice(Schema.SqlServer(), p => p.StoreType(storeType)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_precision_is_unknown()
    {
        Assert.Empty(Invoice(Schema.SqlServer(), p => p.UnknownPrecision()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_store_type_is_unknown()
    {
        Assert.Empty(Invoice(Schema.SqlServer(), p => p.UnknownStoreType()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_SQLite_which_stores_decimals_as_text()
    {
        Assert.Empty(Invoice(Schema.Sqlite()).Lint(Id));
    }

    [Fact]
    public void Is_silent_inside_a_JSON_column()
    {
        Assert.Empty(Invoice(Schema.SqlServer(), invoice: e => e.ToJson()).Lint(Id));
    }

    [Theory]
    [InlineData(TableMappingKind.View)]
    [InlineData(TableMappingKind.SqlQuery)]
    [InlineData(TableMappingKind.Function)]
    public void Is_silent_on_an_entity_whose_columns_are_defined_by_sql(TableMappingKind mapping)
    {
        // The view's or query's SQL decides the column type; the model's precision changes nothing in the database.
        Assert.Empty(Invoice(Schema.SqlServer(), invoice: e => e.Keyless().MappedTo(mapping, "invoice_totals")).Lint(Id));
    }
}
