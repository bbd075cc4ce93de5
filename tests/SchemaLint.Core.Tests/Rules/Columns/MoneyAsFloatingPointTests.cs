using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Rules.Columns;

public class MoneyAsFloatingPointTests
{
    private const string Id = RuleIds.MoneyAsFloatingPoint;

    private static SchemaBuilder Expense(string name, Type type, Action<PropertyBuilder>? configure = null) =>
        Schema.PostgreSql().Entity("Expense", e => e.Key("Id").Property(name, type, configure));

    [Fact]
    public void Fires_on_a_double_amount()
    {
        var finding = Expect.Single(Expense("Amount", typeof(double)).Lint(Id), Id, "Expense", "Amount");

        Assert.Equal("'Expense.Amount' looks like money but is a double; binary floating point cannot hold most decimal amounts exactly, so sums drift by fractions of a cent", finding.Message);
    }

    [Fact]
    public void Fires_on_a_nullable_float_price()
    {
        var finding = Expect.Single(Expense("UnitPrice", typeof(float?)).Lint(Id), Id, "Expense", "UnitPrice");

        Assert.Contains("is a float;", finding.Message);
    }

    [Theory]
    [InlineData("TotalAmount")]
    [InlineData("total_amount")]
    [InlineData("ShippingCost")]
    [InlineData("Balance")]
    public void Fires_when_the_last_word_is_a_money_word(string name)
    {
        Expect.Single(Expense(name, typeof(double)).Lint(Id), Id, "Expense", name);
    }

    [Fact]
    public void Is_silent_on_a_decimal_amount()
    {
        Assert.Empty(Expense("Amount", typeof(decimal), p => p.Precision(18, 2)).Lint(Id));
    }

    [Theory]
    [InlineData("numeric(18,2)")]
    [InlineData("decimal(10,2)")]
    [InlineData("money")]
    public void Is_silent_when_the_column_is_stored_as_an_exact_type(string storeType)
    {
        Assert.Empty(Expense("Amount", typeof(double), p => p.StoreType(storeType)).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_store_type_is_unknown()
    {
        Assert.Empty(Expense("Amount", typeof(double), p => p.UnknownStoreType()).Lint(Id));
    }

    [Fact]
    public void Is_silent_when_the_money_vocabulary_no_longer_has_the_word()
    {
        Assert.Empty(Expense("Amount", typeof(double)).Lint(Id, Config.Of("schemalint.money_names = -amount")));
    }

    [Fact]
    public void Fires_on_a_word_added_to_the_money_vocabulary()
    {
        Expect.Single(Expense("Bounty", typeof(double)).Lint(Id, Config.Of("schemalint.money_names = +bounty")), Id, "Expense", "Bounty");
    }

    [Fact]
    public void Is_silent_on_a_discount_whose_range_says_fraction()
    {
        Assert.Empty(Expense("Discount", typeof(double), p => p.Range(1)).Lint(Id));
    }

    [Fact]
    public void Is_silent_on_a_discount_whose_precision_says_fraction()
    {
        Assert.Empty(Expense("Discount", typeof(double), p => p.Precision(3, 2)).Lint(Id));
    }

    [Fact]
    public void Fires_on_a_discount_whose_range_holds_amounts()
    {
        Expect.Single(Expense("Discount", typeof(double), p => p.Range(500)).Lint(Id), Id, "Expense", "Discount");
    }
}
