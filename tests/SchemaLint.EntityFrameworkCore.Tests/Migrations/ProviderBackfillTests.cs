using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

/// <summary>
/// SL7002 treats a default on an AlterColumn from nullable to NOT NULL as the backfill, because the providers' migrations SQL
/// generators write an UPDATE of the NULLs before SET NOT NULL. These pin that fact, so an EF Core upgrade that drops it shows.
/// </summary>
public sealed class ProviderBackfillTests
{
    private static string Sql(DbContext context)
    {
        var builder = new MigrationBuilder(context.Database.ProviderName);
        builder.AlterColumn<string>(name: "Email", table: "Customers", type: context.Database.ProviderName!.Contains("Npgsql") ? "text" : "nvarchar(max)",
            nullable: false, defaultValue: "", oldClrType: typeof(string), oldType: context.Database.ProviderName.Contains("Npgsql") ? "text" : "nvarchar(max)", oldNullable: true);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(builder.Operations, context.Model);
        return string.Join("\n", commands.Select(c => c.CommandText));
    }

    [Fact]
    public void Npgsql_fills_the_NULLs_with_the_default_before_SET_NOT_NULL()
    {
        using var context = ModelContext.Npgsql(b => b.Entity<MigratedCustomer>());

        var sql = Sql(context);

        Assert.Contains("UPDATE \"Customers\" SET \"Email\" = '' WHERE \"Email\" IS NULL", sql);
        Assert.True(sql.IndexOf("UPDATE", StringComparison.Ordinal) < sql.IndexOf("SET NOT NULL", StringComparison.Ordinal), sql);
    }

    [Fact]
    public void SQL_Server_fills_the_NULLs_with_the_default_before_altering_the_column()
    {
        using var context = ModelContext.SqlServer(b => b.Entity<MigratedCustomer>());

        var sql = Sql(context);

        Assert.Contains("UPDATE [Customers] SET [Email] = N'' WHERE [Email] IS NULL", sql);
    }
}
