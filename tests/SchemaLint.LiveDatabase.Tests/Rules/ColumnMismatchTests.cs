using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Model.Database;

namespace SchemaLint.LiveDatabase.Tests.Rules;

public class ColumnMismatchTests
{
    private const string Rule = "SL6003";

    private static void Replace(DatabaseTable table, DatabaseColumn column)
    {
        var index = table.Columns.FindIndex(c => c.Name == column.Name);
        table.Columns[index] = column;
    }

    [Fact]
    public void Fires_when_a_required_column_accepts_null_in_the_database()
    {
        var budget = new BudgetSchema();
        Replace(budget.ExpensesTable, new DatabaseColumn("Amount", "numeric(18,2)", isNullable: true));

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("Amount", finding.MemberName);
        Assert.Contains("is nullable in the database but NOT NULL in the model", finding.Message);
        Assert.Equal("ALTER TABLE public.\"Expenses\" ALTER COLUMN \"Amount\" SET NOT NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_an_optional_column_is_not_null_in_the_database()
    {
        var budget = new BudgetSchema();
        budget.Users.FindDeclaredProperty("Name")!.IsColumnNullable = true;

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Equal("ALTER TABLE public.\"Users\" ALTER COLUMN \"Name\" DROP NOT NULL;", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_the_database_caps_text_shorter_than_the_model()
    {
        var budget = new BudgetSchema();
        Replace(budget.UsersTable, new DatabaseColumn("Email", "character varying(100)", false) { CharacterMaximumLength = 100 });

        var finding = Assert.Single(budget.Findings(Rule));

        Assert.Contains("is character varying(100) in the database but character varying(254) in the model", finding.Message);
        Assert.Equal("ALTER TABLE public.\"Users\" ALTER COLUMN \"Email\" TYPE character varying(254);", finding.Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Fires_when_money_is_stored_as_floating_point_in_the_database()
    {
        var budget = new BudgetSchema();
        Replace(budget.ExpensesTable, new DatabaseColumn("Amount", "double precision", false));

        Assert.Contains("TYPE numeric(18,2)", Assert.Single(budget.Findings(Rule)).Properties[FindingProperties.FixSql]);
    }

    [Theory]
    [InlineData("varchar(254)", "character varying(254)")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("int4", "integer")]
    [InlineData("decimal(18, 2)", "numeric(18,2)")]
    [InlineData("timestamp(3) with time zone", "timestamp(3) with time zone")]
    [InlineData("text[]", "text[]")]
    public void Silent_when_the_same_type_is_spelled_differently(string modelType, string databaseType)
    {
        var budget = new BudgetSchema();
        budget.Users.FindDeclaredProperty("Email")!.ProviderStoreType = modelType;
        Replace(budget.UsersTable, new DatabaseColumn("Email", databaseType, false));

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_on_types_it_cannot_resolve_such_as_enums()
    {
        var budget = new BudgetSchema();
        budget.Users.FindDeclaredProperty("Name")!.ProviderStoreType = "mood";
        Replace(budget.UsersTable, new DatabaseColumn("Name", "public.mood", false));

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Compares_max_length_when_the_store_type_is_unknown()
    {
        var budget = new BudgetSchema();
        budget.Users.FindDeclaredProperty("Email")!.ProviderStoreType = Fact<string?>.Unknown;
        Replace(budget.UsersTable, new DatabaseColumn("Email", "character varying(100)", false) { CharacterMaximumLength = 100 });

        Assert.Contains("TYPE character varying(254)", Assert.Single(budget.Findings(Rule)).Properties[FindingProperties.FixSql]);
    }

    [Fact]
    public void Silent_when_nothing_about_the_type_is_known()
    {
        var budget = new BudgetSchema();
        var email = budget.Users.FindDeclaredProperty("Email")!;
        email.ProviderStoreType = Fact<string?>.Unknown;
        email.StoreType = Fact<string?>.Unknown;
        email.IsColumnNullable = Fact<bool>.Unknown;
        Replace(budget.UsersTable, new DatabaseColumn("Email", "character varying(100)", true));

        Assert.Empty(budget.Findings(Rule));
    }

    [Fact]
    public void Silent_on_a_required_property_of_a_TPH_derived_type_in_a_nullable_column()
    {
        var budget = new BudgetSchema();
        budget.Users.InheritanceStrategy = InheritanceStrategy.Tph;
        var admin = budget.Model.AddEntity(BudgetSchema.Table("Budget.Admin", "Users"));
        admin.BaseTypeName = "Budget.User";
        admin.AddProperty(BudgetSchema.Column("Level", ClrTypeNames.Int32, "integer", nullable: false));
        budget.UsersTable.Columns.Add(new DatabaseColumn("Level", "integer", isNullable: true));

        Assert.Empty(budget.Findings(Rule));
    }
}
