using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Integrity;

public class RangeWithoutCheckConstraintTests
{
    private const string Id = RuleIds.RangeWithoutCheckConstraint;

    private static SchemaBuilder Product(string name, Type type, Action<PropertyBuilder>? configure = null, Action<EntityBuilder>? product = null) =>
        Schema.PostgreSql().Entity("Product", e =>
        {
            e.Key("Id").Property(name, type, configure);
            product?.Invoke(e);
        });

    [Fact]
    public void Fires_on_a_price_without_a_check_constraint()
    {
        var finding = Expect.Single(Product("Price", typeof(decimal)).Lint(Id), Id, "Product", "Price");

        Assert.Equal(Severity.Suggestion, finding.Severity);
        Assert.Equal("'Product.Price' looks like money, which is rarely negative, but no check constraint keeps it in range; add a check constraint so the database rejects bad values too", finding.Message);
    }

    [Fact]
    public void Fires_on_a_quantity_without_a_check_constraint()
    {
        var finding = Expect.Single(Product("Quantity", typeof(int)).Lint(Id), Id, "Product", "Quantity");

        Assert.Equal("'Product.Quantity' is a quantity, which is never negative, but no check constraint keeps it in range; add a check constraint so the database rejects bad values too", finding.Message);
    }

    [Fact]
    public void Fires_on_a_Range_property_without_a_check_constraint()
    {
        var finding = Expect.Single(Product("Rating", typeof(int), p => p.Range()).Lint(Id), Id, "Product", "Rating");

        Assert.Equal("'Product.Rating' has a [Range] that only the application enforces; add a check constraint so the database rejects bad values too", finding.Message);
    }

    [Fact]
    public void Is_silent_with_a_check_constraint_naming_the_column()
    {
        Assert.Empty(Product("Price", typeof(decimal), product: e => e.CheckConstraint("CK_Product_Price", "\"Price\" >= 0")).Lint(Id));
    }

    [Fact]
    public void Reads_the_column_name_in_the_constraint()
    {
        Assert.Empty(Product("Price", typeof(decimal), p => p.Column("unit_price"), e => e.CheckConstraint("ck_price", "unit_price >= 0")).Lint(Id));
    }

    [Fact]
    public void Is_not_fooled_by_a_constraint_on_a_longer_column_name()
    {
        var findings = Product("Price", typeof(decimal), product: e => e.Property<decimal>("ListPrice").CheckConstraint("ck", "\"ListPrice\" >= 0")).Lint(Id);

        Expect.Single(findings, Id, "Product", "Price");
    }

    [Fact]
    public void Is_silent_on_ordinary_numbers()
    {
        Assert.Empty(Product("Rating", typeof(int)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_check_constraints_are_not_known_to_be_complete()
    {
        Assert.Empty(Product("Price", typeof(decimal), product: e => e.Incomplete(ModelCompleteness.CheckConstraints)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_range_validation_is_unknown()
    {
        Assert.Empty(Product("Rating", typeof(int), p => p.UnknownRange()).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_view()
    {
        Assert.Empty(Product("Price", typeof(decimal), product: e => e.Keyless().ToView("prices")).Lint(Id));
    }

    [Theory]
    [InlineData("AdjustedQuantity")]
    [InlineData("QuantityDelta")]
    [InlineData("StockChange")]
    [InlineData("NetAmount")]
    [InlineData("BalanceAdjustment")]
    public void Is_silent_on_a_movement_which_is_negative_on_purpose(string name)
    {
        Assert.Empty(Product(name, typeof(int)).Lint(Id));
    }

    [Fact]
    public void Still_fires_on_a_movement_with_a_Range_only_the_application_enforces()
    {
        Expect.Single(Product("StockDelta", typeof(int), p => p.Range()).Lint(Id), Id, "Product", "StockDelta");
    }

    [Fact]
    public void Fires_on_units_as_a_quantity()
    {
        var finding = Expect.Single(Product("Units", typeof(int)).Lint(Id), Id, "Product", "Units");

        Assert.Contains("is a quantity", finding.Message);
    }

    [Fact]
    public void Is_silent_on_a_discount_whose_precision_says_fraction()
    {
        Assert.Empty(Product("Discount", typeof(decimal), p => p.Precision(5, 4)).Lint(Id));
    }

    [Fact]
    public void Fires_on_a_discount_whose_precision_holds_amounts()
    {
        Expect.Single(Product("Discount", typeof(decimal), p => p.Precision(18, 2)).Lint(Id), Id, "Product", "Discount");
    }

    [Fact]
    public void Uses_configured_signed_names()
    {
        Assert.Single(Product("OverrideQuantity", typeof(int)).Lint(Id));
        Assert.Empty(Product("OverrideQuantity", typeof(int)).Lint(Id, Config.Of("schemalint.signed_names = +override")));
    }
}
