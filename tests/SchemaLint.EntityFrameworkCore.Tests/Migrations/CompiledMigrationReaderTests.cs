using Microsoft.EntityFrameworkCore.Migrations;
using SchemaLint.Core.Model.Migrations;
using SchemaLint.EntityFrameworkCore.Migrations;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

public sealed class CompiledMigrationReaderTests
{
    [Fact]
    public void A_migration_whose_Up_throws_is_read_as_unknown_and_said_in_a_note()
    {
        var notes = new List<string>();

        var migration = CompiledMigrationReader.ReadMigration("20240101000000_ReadsConfiguration", typeof(ThrowingMigration), () => new ThrowingMigration(), notes);

        Assert.False(migration.IsFullyRead);
        Assert.Empty(migration.Operations);
        Assert.Contains(notes, n => n.Contains("20240101000000_ReadsConfiguration") && n.Contains("Tenant list missing"));
    }

    [Fact]
    public void Reads_the_concurrency_annotation_uniqueness_and_columns_of_an_index()
    {
        var builder = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
        builder.CreateIndex(name: "IX_Customers_Name_Email", table: "Customers", columns: new[] { "Name", "Email" }, unique: true).Annotation("Npgsql:CreatedConcurrently", true);

        var operation = CompiledMigrationReader.Map(builder.Operations.Single());

        Assert.Equal(MigrationOperationKind.CreateIndex, operation.Kind);
        Assert.Equal(new[] { "Name", "Email" }, operation.Columns);
        Assert.True(operation.IsUnique);
        Assert.True(operation.IsConcurrent);
    }

    [Fact]
    public void Reads_the_old_column_of_an_AlterColumn_and_the_scaffolded_placeholder_default()
    {
        var builder = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
        builder.AlterColumn<int>(name: "Quantity", table: "Orders", type: "integer", nullable: false, defaultValue: 0, oldClrType: typeof(int), oldType: "integer", oldNullable: true);

        var operation = CompiledMigrationReader.Map(builder.Operations.Single());

        Assert.Equal("Int32", operation.Column!.ClrType);
        Assert.True(operation.Column.IsPlaceholderDefault);
        Assert.True(operation.OldColumn!.IsNullable);
        Assert.Equal("integer", operation.OldColumn.StoreType);
    }

    private sealed class ThrowingMigration : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => throw new InvalidOperationException("Tenant list missing.");
    }
}
