using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Providers.Mapping;

/// <summary>
/// What the runtime reader maps from models built with the real SQL Server and SQLite providers, and how the
/// provider-dependent rules judge them. The migration SQL EF Core would run shows what the database gets.
/// </summary>
public class ProviderMappingTests
{
    private static (SchemaModel Model, AuditReport Report, MigrationSql Sql) Build(ModelContext context)
    {
        using (context)
        {
            var report = SchemaAudit.Run(context);
            return (report.Model, report, MigrationSql.Of(context));
        }
    }

    private static void Invoices(ModelBuilder b)
    {
        b.Entity<Invoice>().HasIndex(i => i.Reference);
        b.Entity<Invoice>().Property(i => i.IssuedAt).HasDefaultValueSql("CURRENT_TIMESTAMP");
        b.Entity<Invoice>().Property(i => i.Total).HasPrecision(12, 2);
    }

    [Fact]
    public void SQL_Server_maps_unbounded_text_to_nvarchar_max_and_bounded_text_to_nvarchar_n()
    {
        var (model, _, sql) = Build(ModelContext.SqlServer(Invoices));

        Assert.Equal("nvarchar(max)", model.Property("Invoice", "Email").ProviderStoreType.Value);
        Assert.Equal("nvarchar(100)", model.Property("Invoice", "CustomerName").ProviderStoreType.Value);
        Assert.Contains("[Email] nvarchar(max) NOT NULL", sql.Text);
        Assert.Contains("[CustomerName] nvarchar(100) NOT NULL", sql.Text);
    }

    [Fact]
    public void SQL_Server_bounds_an_indexed_string_at_nvarchar_450_and_SL2004_leaves_it_alone()
    {
        var (model, report, sql) = Build(ModelContext.SqlServer(Invoices));

        Assert.Equal("nvarchar(450)", model.Property("Invoice", "Reference").ProviderStoreType.Value);
        Assert.Contains("[Reference] nvarchar(450) NOT NULL", sql.Text);
        Assert.DoesNotContain(report.Of(RuleIds.ShortTextUnbounded), f => f.MemberName == "Reference");
    }

    [Fact]
    public void SL2004_fires_on_SQL_Server_for_short_text_left_at_nvarchar_max()
    {
        var (_, report, _) = Build(ModelContext.SqlServer(Invoices));

        report.Single(RuleIds.ShortTextUnbounded, "Invoice", "Email");
    }

    [Fact]
    public void SQL_Server_maps_a_decimal_without_precision_to_decimal_18_2_and_SL2002_says_so_once()
    {
        var (model, report, sql) = Build(ModelContext.SqlServer(Invoices));

        Assert.Equal("decimal(18,2)", model.Property("Invoice", "Discount").ProviderStoreType.Value);
        Assert.Equal("decimal(12,2)", model.Property("Invoice", "Total").ProviderStoreType.Value);
        Assert.Contains("[Discount] decimal(18,2) NOT NULL", sql.Text);
        var finding = Assert.Single(report.Of(RuleIds.DecimalWithoutPrecision));
        Assert.Equal("Discount", finding.MemberName);
        Assert.Contains("SQL Server falls back to decimal(18,2)", finding.Message);
    }

    [Fact]
    public void SQL_Server_generates_int_keys_as_identity_and_reads_default_value_SQL()
    {
        var (model, _, sql) = Build(ModelContext.SqlServer(Invoices));

        Assert.Equal(ValueGeneration.OnAdd, model.Property("Invoice", "Id").ValueGenerated.Value);
        Assert.Contains("[Id] int NOT NULL IDENTITY", sql.Text);
        Assert.Equal("CURRENT_TIMESTAMP", model.Property("Invoice", "IssuedAt").DefaultValueSql.Value);
        Assert.Contains("[IssuedAt] datetime2 NOT NULL DEFAULT (CURRENT_TIMESTAMP)", sql.Text);
    }

    [Fact]
    public void SL2003_fires_on_SQL_Server_where_nvarchar_n_cuts_free_text()
    {
        var (_, report, sql) = Build(ModelContext.SqlServer(Invoices));

        Assert.Contains("[Notes] nvarchar(200) NULL", sql.Text);
        report.Single(RuleIds.LongTextCappedShort, "Invoice", "Notes");
    }

    [Fact]
    public void SQLite_maps_every_string_to_TEXT_whatever_its_max_length()
    {
        var (model, _, sql) = Build(ModelContext.Sqlite(Invoices));

        Assert.Equal("TEXT", model.Property("Invoice", "CustomerName").ProviderStoreType.Value);
        Assert.Equal(100, model.Property("Invoice", "CustomerName").MaxLength.Value);
        Assert.Contains("\"CustomerName\" TEXT NOT NULL", sql.Text);
        Assert.Contains("\"Notes\" TEXT NULL", sql.Text);
    }

    [Fact]
    public void SQLite_stores_decimals_as_TEXT()
    {
        var (model, _, sql) = Build(ModelContext.Sqlite(Invoices));

        Assert.Equal("TEXT", model.Property("Invoice", "Discount").ProviderStoreType.Value);
        Assert.Contains("\"Discount\" TEXT NOT NULL", sql.Text);
    }

    [Fact]
    public void SQLite_makes_an_int_key_the_rowid_and_reads_default_value_SQL()
    {
        var (model, _, sql) = Build(ModelContext.Sqlite(Invoices));

        Assert.Equal(ValueGeneration.OnAdd, model.Property("Invoice", "Id").ValueGenerated.Value);
        Assert.Contains("\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_Invoice\" PRIMARY KEY AUTOINCREMENT", sql.Text);
        Assert.Equal("CURRENT_TIMESTAMP", model.Property("Invoice", "IssuedAt").DefaultValueSql.Value);
        Assert.Contains("\"IssuedAt\" TEXT NOT NULL DEFAULT (CURRENT_TIMESTAMP)", sql.Text);
    }

    [Theory]
    [InlineData(RuleIds.DecimalWithoutPrecision)]
    [InlineData(RuleIds.LongTextCappedShort)]
    [InlineData(RuleIds.ShortTextUnbounded)]
    public void SQLite_enforces_no_length_or_precision_so_the_length_and_precision_rules_are_silent(string ruleId)
    {
        var (_, report, _) = Build(ModelContext.Sqlite(Invoices));

        Assert.Empty(report.Of(ruleId));
    }

    [Fact]
    public void The_same_model_gets_the_length_and_precision_findings_on_PostgreSQL()
    {
        var (_, report, _) = Build(ModelContext.Npgsql(Invoices));

        Assert.Contains("PostgreSQL stores an unbounded numeric", Assert.Single(report.Of(RuleIds.DecimalWithoutPrecision)).Message);
        report.Single(RuleIds.LongTextCappedShort, "Invoice", "Notes");
        report.Single(RuleIds.ShortTextUnbounded, "Invoice", "Email");
    }

    [Theory]
    [InlineData("SqlServer", Severity.Error)]
    [InlineData("Npgsql", Severity.Warning)]
    [InlineData("Sqlite", Severity.Warning)]
    public void SL1006_is_an_error_only_on_SQL_Server(string provider, Severity expected)
    {
        var report = provider switch
        {
            "SqlServer" => Audit.SqlServer(TwoCascadePaths),
            "Npgsql" => Audit.Npgsql(TwoCascadePaths),
            _ => Audit.Sqlite(TwoCascadePaths),
        };

        Assert.Equal(expected, Assert.Single(report.Of(RuleIds.MultipleCascadePaths)).Severity);
    }

    [Theory]
    [InlineData("SqlServer", 1)]
    [InlineData("Sqlite", 0)]
    public void SL1006_counts_a_set_null_path_beside_a_cascade_path_on_SQL_Server_only(string provider, int expected)
    {
        var report = provider == "SqlServer" ? Audit.SqlServer(SetNullBesideCascade) : Audit.Sqlite(SetNullBesideCascade);

        Assert.Equal(expected, report.Of(RuleIds.MultipleCascadePaths).Count);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    public void SL1001_is_silent_with_the_foreign_key_index_every_provider_creates(string provider)
    {
        var (_, report, sql) = Build(provider == "SqlServer" ? ModelContext.SqlServer(TwoCascadePaths) : ModelContext.Sqlite(TwoCascadePaths));

        Assert.Contains("IX_Refund_InvoiceId", sql.Text);
        Assert.Empty(report.Of(RuleIds.ForeignKeyNotIndexed));
    }

    /// <summary>Deleting an Account cascades to its Invoices and on to their Refunds, and sets the Refunds' ApproverId to NULL.</summary>
    private static void SetNullBesideCascade(ModelBuilder b)
    {
        b.Entity<Invoice>().HasOne(i => i.Account).WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<Refund>().HasOne(r => r.Invoice).WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<Refund>().HasOne(r => r.Account).WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.NoAction);
        b.Entity<Refund>().HasOne(r => r.Approver).WithMany().HasForeignKey(r => r.ApproverId).OnDelete(DeleteBehavior.SetNull);
    }

    private static void TwoCascadePaths(ModelBuilder b)
    {
        b.Entity<Invoice>().HasOne(i => i.Account).WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<Refund>().HasOne(r => r.Account).WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<Refund>().HasOne(r => r.Invoice).WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class Account
{
    public int Id { get; set; }
}

public class Invoice
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    [MaxLength(100)] public string CustomerName { get; set; } = "";
    public string Reference { get; set; } = "";
    public decimal Total { get; set; }
    public decimal Discount { get; set; }
    [MaxLength(200)] public string? Notes { get; set; }
    public DateTime IssuedAt { get; set; }
    public int? AccountId { get; set; }
    public Account? Account { get; set; }
}

public class Refund
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public Invoice Invoice { get; set; } = null!;
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public int? ApproverId { get; set; }
    public Account? Approver { get; set; }
}
