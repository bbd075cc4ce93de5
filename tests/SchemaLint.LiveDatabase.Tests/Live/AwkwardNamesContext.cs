using Microsoft.EntityFrameworkCore;

namespace SchemaLint.LiveDatabase.Tests.Live;

/// <summary>
/// Names a database check must survive: tables, columns and constraints longer than PostgreSQL's 63 bytes (in ASCII and in
/// two-byte UTF-8), and identifiers with quotes, semicolons, injection attempts and non-ASCII letters; keys that are identities.
/// </summary>
public class AwkwardNamesContext(DbContextOptions<AwkwardNamesContext> options) : DbContext(options)
{
    /// <summary>72 bytes: PostgreSQL keeps the first 63.</summary>
    public const string LongTable = "ledger_entries_recorded_by_the_accounting_service_for_every_fiscal_year";

    /// <summary>68 characters, 80 bytes in UTF-8: PostgreSQL keeps whole characters up to 63 bytes.</summary>
    public const string UnicodeTable = "Überweisungen_für_Kontoauszüge_mit_Umlauten_äöü_und_größeren_Beträgen";

    public const string HostileTable = "Notes\"; DROP TABLE \"Accounts\"; --";

    public const string LongColumn = "reference_number_printed_on_the_bank_statement_of_the_counterparty_account";

    public const string HostileColumn = "body'); DELETE FROM \"Accounts\"; --";

    public const string TransferSourceConstraint = "FK_transfer_source_account";

    public const string TransferPurposeIndex = "UX_transfer_purpose";

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LedgerEntry>().ToTable(LongTable);
        modelBuilder.Entity<LedgerEntry>().Property(e => e.Reference).HasColumnName(LongColumn).HasMaxLength(40);
        modelBuilder.Entity<LedgerEntry>().Property(e => e.Amount).HasPrecision(14, 2);

        modelBuilder.Entity<Transfer>().ToTable(UnicodeTable);
        modelBuilder.Entity<Transfer>().HasOne(t => t.From).WithMany().HasForeignKey(t => t.FromAccountId)
            .HasConstraintName(TransferSourceConstraint).OnDelete(DeleteBehavior.Restrict);
        modelBuilder.Entity<Transfer>().HasIndex(t => t.Purpose).IsUnique().HasDatabaseName(TransferPurposeIndex);
        modelBuilder.Entity<Transfer>().Property(t => t.Purpose).HasMaxLength(140);

        modelBuilder.Entity<Note>().ToTable(HostileTable);
        modelBuilder.Entity<Note>().Property(n => n.Body).HasColumnName(HostileColumn);
    }
}

public class Account
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<LedgerEntry> Entries { get; set; } = [];
}

public class LedgerEntry
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public decimal Amount { get; set; }
    public string Reference { get; set; } = "";
}

public class Transfer
{
    public int Id { get; set; }
    public int FromAccountId { get; set; }
    public Account From { get; set; } = null!;
    public string Purpose { get; set; } = "";
}

public class Note
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public string Body { get; set; } = "";
}
