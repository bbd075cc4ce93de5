using SchemaLint.EntityFrameworkCore;
using SchemaLint.EntityFrameworkCore.LiveDatabase;
using SchemaLint.LiveDatabase.Tests.Infrastructure;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>The catalog is readable by every user, the migrations history only with SELECT on it.</summary>
public class PrivilegeTests
{
    private const string HistoryWithTwoMigrations = """
        CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
        INSERT INTO "__EFMigrationsHistory" VALUES ('20260101000000_Init', '10.0.0'), ('20260102000000_Categories', '10.0.0');
        """;

    private static AuditReport AuditAs(ScratchRole role, BudgetDatabase database)
    {
        using var context = database.CreateContext();
        return LiveDatabaseAudit.Run(context, role.ConnectionString(database.Name));
    }

    [PostgresFact]
    public void A_history_table_the_user_may_not_read_is_named_and_the_rest_of_the_check_runs()
    {
        // The role goes last: a privilege on a table in the database would keep it from being dropped.
        using var role = new ScratchRole();
        using var database = new BudgetDatabase();
        database.Execute(HistoryWithTwoMigrations + "DROP INDEX \"IX_Expenses_UserId\";");

        var report = AuditAs(role, database);

        Assert.Equal("SL6001", Assert.Single(report.Findings, f => f.Rule.RequiresDatabase).RuleId);
        Assert.Contains(report.Notes, n => n.Contains($"__EFMigrationsHistory could not be read (user '{role.Name}' has no SELECT privilege on it)"));
    }

    [PostgresFact]
    public void SL6006_says_the_migration_state_is_unknown_when_the_history_table_may_not_be_read()
    {
        // The role goes last: a privilege on a table in the database would keep it from being dropped.
        using var role = new ScratchRole();
        using var database = new BudgetDatabase();
        database.Execute(HistoryWithTwoMigrations + "DROP TABLE \"Expenses\";");

        var finding = Assert.Single(AuditAs(role, database).Findings, f => f.Rule.RequiresDatabase);

        Assert.Equal("SL6006", finding.RuleId);
        Assert.Contains($"__EFMigrationsHistory could not be read (user '{role.Name}' has no SELECT privilege on it), so the migration state is unknown.", finding.Message);
    }

    [PostgresFact]
    public void A_database_the_user_may_not_connect_to_stops_the_check_in_the_servers_words()
    {
        using var role = new ScratchRole();
        using var database = new BudgetDatabase();
        database.Execute($"REVOKE CONNECT ON DATABASE \"{database.Name}\" FROM PUBLIC");
        using var context = database.CreateContext();

        var error = Assert.Throws<LiveDatabaseException>(() => LiveDatabaseAudit.Run(context, role.ConnectionString(database.Name)));

        Assert.Equal(LiveDatabaseErrorKind.PermissionDenied, error.Kind);
        Assert.Contains($"was refused reading the database '{database.Name}' on ", error.Message);
        Assert.Contains($"(permission denied for database \"{database.Name}\")", error.Message);
    }

    [PostgresFact]
    public void The_same_history_table_is_read_when_the_user_may_select_from_it()
    {
        // The role goes last: a privilege on a table in the database would keep it from being dropped.
        using var role = new ScratchRole();
        using var database = new BudgetDatabase();
        database.Execute(HistoryWithTwoMigrations + $"GRANT SELECT ON \"__EFMigrationsHistory\" TO \"{role.Name}\";");

        var report = AuditAs(role, database);

        Assert.Equal(new[] { "20260101000000_Init", "20260102000000_Categories" }, report.Model.LiveDatabase!.Migrations!.AppliedMigrationIds);
    }
}
