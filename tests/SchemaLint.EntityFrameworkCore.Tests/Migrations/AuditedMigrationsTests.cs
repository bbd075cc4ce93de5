using SchemaLint.Core.Rules;

namespace SchemaLint.EntityFrameworkCore.Tests.Migrations;

/// <summary>SchemaAudit.Run reads the context's compiled migrations through EF Core's own services.</summary>
public sealed class AuditedMigrationsTests
{
    private static AuditReport Audit()
    {
        using var context = new MigratedShopContext();
        return SchemaAudit.Run(context);
    }

    [Fact]
    public void Finds_the_migrations_of_the_context_in_id_order()
    {
        var migrations = Audit().Model.Migrations;

        Assert.NotNull(migrations);
        Assert.Equal(new[] { "20240101000000_Initial", "20240201000000_IndexEmail", "20240301000000_DropNotes", "20240401000000_DropLegacy" }, migrations!.Migrations.Select(m => m.Id));
    }

    [Fact]
    public void Reports_a_migration_rule_at_the_migration_Up_method()
    {
        var finding = Assert.Single(Audit().Findings, f => f.RuleId == RuleIds.IndexWithoutConcurrentCreation);

        Assert.Equal("MigratedShopIndexEmail", finding.MemberName);
        Assert.EndsWith("MigratedShop.cs", finding.Location?.FilePath);
    }

    [Fact]
    public void Honours_the_review_comment_in_the_migration_source_file()
    {
        var drops = Audit().Findings.Where(f => f.RuleId == RuleIds.DataDropped).ToList();

        Assert.Equal("MigratedShopDropLegacy", Assert.Single(drops).MemberName);
    }

    [Fact]
    public void Reports_model_changes_no_migration_captures_when_the_context_has_no_snapshot()
    {
        var finding = Assert.Single(Audit().Findings, f => f.RuleId == RuleIds.PendingModelChanges);

        Assert.Contains("20240401000000_DropLegacy", finding.Message);
        Assert.Contains("CreateTable Customers", finding.Message);
    }

    [Fact]
    public void A_context_without_migrations_has_no_history_and_no_migration_findings()
    {
        using var context = Infrastructure.ModelContext.Npgsql(b => b.Entity<MigratedCustomer>());

        var report = SchemaAudit.Run(context);

        Assert.Null(report.Model.Migrations);
        Assert.DoesNotContain(report.Findings, f => f.Rule.RequiresMigrations);
    }
}
