using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

/// <summary>Each migration rule on compiled migrations, read from UpOperations as the audit reads them.</summary>
public sealed class CompiledMigrationRuleTests
{
    [Fact]
    public void SL7001_fires_on_an_index_created_on_an_existing_table()
    {
        var finding = Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_IndexEmail", b => b.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email"))
            .Audit(RuleIds.IndexWithoutConcurrentCreation));

        Assert.Equal("LambdaMigration", finding.MemberName);
        Assert.Equal("20240201000000_IndexEmail", finding.Properties["Migration"]);
    }

    [Fact]
    public void SL7001_stays_silent_on_a_table_created_and_indexed_in_the_same_migration()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop().Audit(RuleIds.IndexWithoutConcurrentCreation));
    }

    [Fact]
    public void SL7001_stays_silent_on_an_index_annotated_to_be_created_concurrently()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_IndexEmail", b => b.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email").Annotation("Npgsql:CreatedConcurrently", true))
            .Audit(RuleIds.IndexWithoutConcurrentCreation));
    }

    [Fact]
    public void SL7002_fires_on_nullable_to_NOT_NULL_with_the_scaffolded_placeholder_default()
    {
        var finding = Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_RequireEmail", b => b.AlterColumn<string>(name: "Email", table: "Customers", type: "text", nullable: false, defaultValue: "",
                oldClrType: typeof(string), oldType: "text", oldNullable: true))
            .Audit(RuleIds.NotNullWithoutDefaultOrBackfill));

        Assert.Contains("placeholder default", finding.Message);
    }

    [Fact]
    public void SL7002_fires_on_a_NOT_NULL_column_added_without_a_default()
    {
        Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_AddPhone", b => b.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: false))
            .Audit(RuleIds.NotNullWithoutDefaultOrBackfill));
    }

    [Fact]
    public void SL7002_stays_silent_on_a_column_added_nullable_then_filled_then_made_NOT_NULL()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_AddPhone", b => b.AddColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: true))
            .Migration("20240301000000_FillPhone", b => b.Sql("UPDATE \"Customers\" SET \"Phone\" = 'unknown' WHERE \"Phone\" IS NULL"))
            .Migration("20240401000000_RequirePhone", b => b.AlterColumn<string>(name: "Phone", table: "Customers", type: "text", nullable: false,
                oldClrType: typeof(string), oldType: "text", oldNullable: true))
            .Audit(RuleIds.NotNullWithoutDefaultOrBackfill));
    }

    [Fact]
    public void SL7003_fires_on_a_dropped_column_and_names_a_rename_scaffolded_as_drop_and_add()
    {
        var finding = Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_RenameEmail", b =>
            {
                b.DropColumn(name: "Email", table: "Customers");
                b.AddColumn<string>(name: "EmailAddress", table: "Customers", type: "text", nullable: true);
            })
            .Audit(RuleIds.DataDropped));

        Assert.Contains("RenameColumn(name: \"Email\", table: \"Customers\", newName: \"EmailAddress\")", finding.Message);
    }

    [Fact]
    public void SL7003_stays_silent_on_a_real_rename()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_RenameEmail", b => b.RenameColumn(name: "Email", table: "Customers", newName: "EmailAddress"))
            .Audit(RuleIds.DataDropped));
    }

    [Fact]
    public void SL7004_fires_on_text_made_shorter()
    {
        Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_ShortenName", b => b.AlterColumn<string>(name: "Name", table: "Customers", type: "character varying(50)", maxLength: 50, nullable: false,
                oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200))
            .Audit(RuleIds.ColumnNarrowedOrRewritten));
    }

    [Fact]
    public void SL7004_stays_silent_on_text_made_longer()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_LengthenName", b => b.AlterColumn<string>(name: "Name", table: "Customers", type: "text", nullable: false,
                oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200))
            .Audit(RuleIds.ColumnNarrowedOrRewritten));
    }

    [Fact]
    public void SL7005_fires_on_a_foreign_key_added_to_an_existing_table()
    {
        Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_LinkOrders", b => b.AddForeignKey(name: "FK_Orders_Customers_Id2", table: "Orders", column: "CustomerId", principalTable: "Customers", principalColumn: "Id"))
            .Audit(RuleIds.ConstraintValidatedUnderLock));
    }

    [Fact]
    public void SL7005_stays_silent_on_the_foreign_key_of_a_table_created_in_the_same_migration()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop().Audit(RuleIds.ConstraintValidatedUnderLock));
    }

    [Fact]
    public void SL7006_fires_on_a_unique_index_added_to_an_existing_table()
    {
        Assert.Single(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_UniqueEmail", b => b.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email", unique: true).Annotation("Npgsql:CreatedConcurrently", true))
            .Audit(RuleIds.UniqueIndexWithoutDeduplication));
    }

    [Fact]
    public void SL7006_stays_silent_when_duplicates_are_removed_first()
    {
        Assert.Empty(CompiledHistory.PostgreSqlShop()
            .Migration("20240201000000_UniqueEmail", b =>
            {
                b.Sql("DELETE FROM \"Customers\" a USING \"Customers\" b WHERE a.\"Id\" > b.\"Id\" AND a.\"Email\" = b.\"Email\"");
                b.CreateIndex(name: "IX_Customers_Email", table: "Customers", column: "Email", unique: true);
            })
            .Audit(RuleIds.UniqueIndexWithoutDeduplication));
    }
}
