using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Auditing.Shop;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

namespace SchemaLint.EntityFrameworkCore.Tests.Auditing
{
    public class SchemaAuditTests
    {
        [Fact]
        public void Verify_lists_every_warning_with_id_member_message_and_file_line()
        {
            using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

            var exception = Assert.Throws<SchemaAuditException>(() => SchemaAudit.Verify(context));

            var line = Assert.Single(exception.Message.Split(Environment.NewLine), l => l.Contains("SL2001"));
            Assert.Matches(@"SL2001 warning Expense\.Amount: 'Expense\.Amount' looks like money .*\(.*SchemaAuditTests\.cs:\d+\)$", line.Trim());
            Assert.All(exception.Findings, f => Assert.True(f.Severity >= Severity.Warning));
        }

        [Fact]
        public void Verify_leaves_out_suggestions()
        {
            using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

            var exception = Assert.Throws<SchemaAuditException>(() => SchemaAudit.Verify(context));

            Assert.DoesNotContain(exception.Findings, f => f.RuleId == RuleIds.RangeWithoutCheckConstraint);
        }

        [Fact]
        public void Verify_passes_when_configured_severities_silence_every_warning()
        {
            using var context = ModelContext.Npgsql(b => b.Entity<Expense>());
            var options = SchemaLintOptions.Default
                .WithSeverity(RuleIds.MoneyAsFloatingPoint, Severity.Suggestion)
                .WithSeverity(RuleIds.MissingTimestamps, Severity.None);

            SchemaAudit.Verify(context, options);
        }

        [Fact]
        public void Options_read_from_an_editorconfig_apply()
        {
            var directory = Directory.CreateTempSubdirectory("schemalint-");
            try
            {
                File.WriteAllText(Path.Combine(directory.FullName, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.SL2001.severity = none\n");
                using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

                var report = SchemaAudit.Run(context, EditorConfigReader.ReadForDirectory(directory.FullName));

                Assert.Empty(report.Of(RuleIds.MoneyAsFloatingPoint));
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        [Fact]
        public void A_model_ef_core_cannot_build_is_a_model_build_exception_naming_the_context()
        {
            using var context = new BrokenShopContext();

            var exception = Assert.Throws<ModelBuildException>(() => SchemaAudit.Run(context));

            Assert.StartsWith("The model of BrokenShopContext could not be built: The entity type 'Receipt' requires a primary key", exception.Message);
            Assert.IsType<InvalidOperationException>(exception.InnerException);
        }

        [Fact]
        public void A_model_build_exception_keeps_ef_cores_message_and_the_advice_as_separate_sentences()
        {
            var exception = new ModelBuildException(typeof(BrokenShopContext), new InvalidOperationException("The model says no"));

            Assert.Equal("The model of BrokenShopContext could not be built: The model says no. Fix the model configuration (OnModelCreating, attributes, options) so that EF Core accepts it, then audit again.", exception.Message);
        }

        [Fact]
        public void Ef_cores_shadow_foreign_key_warning_is_reported_once_under_SL1008()
        {
            var report = Audit.Npgsql(b => b.Entity<Refund>());

            Assert.Single(report.Of(RuleIds.ShadowForeignKey));
            Assert.DoesNotContain(report.Notes, n => n.Contains("ShadowForeignKeyPropertyCreated"));
        }

        [Fact]
        public void Ef_core_warnings_no_rule_covers_become_notes()
        {
            var report = Audit.Npgsql(QueryFilteredPrincipal);

            Assert.Contains(report.Notes, n => n.Contains("PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning"));
        }

        [Fact]
        public void Ef_core_warnings_the_context_ignores_stay_ignored()
        {
            using var context = new QuietShopContext();

            var report = SchemaAudit.Run(context);

            Assert.DoesNotContain(report.Notes, n => n.Contains("QueryFilter"));
        }

        [Fact]
        public void Report_names_the_context_and_its_provider()
        {
            using var context = ModelContext.Npgsql(b => b.Entity<Expense>());

            var report = SchemaAudit.Run(context);

            Assert.Equal(typeof(ModelContext).FullName, report.ContextName);
            Assert.Equal(DatabaseProvider.PostgreSql, report.Provider);
        }

        [Fact]
        public void In_memory_provider_is_unknown_and_says_table_rules_are_silent()
        {
            var report = Audit.InMemory(b => b.Entity<Expense>());

            Assert.Equal(DatabaseProvider.Unknown, report.Provider);
            Assert.Contains(report.Notes, n => n.Contains("non-relational provider"));
            Assert.Empty(report.Of(RuleIds.MissingTimestamps));
        }

        [Fact]
        public void In_memory_provider_still_reports_column_rules()
        {
            var report = Audit.InMemory(b => b.Entity<Expense>());

            report.Single(RuleIds.MoneyAsFloatingPoint, "Expense", "Amount");
        }

        internal static readonly Action<ModelBuilder> QueryFilteredPrincipal = b =>
        {
            b.Entity<Store>().HasQueryFilter(s => !s.IsClosed);
            b.Entity<Sale>();
        };
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Auditing.Shop
{
    public class Expense
    {
        public int Id { get; set; }

        public double Amount { get; set; }
    }

    public class Receipt
    {
        public string Number { get; set; } = "";
    }

    public class Account
    {
        public int Id { get; set; }
    }

    /// <summary>AccountId is a long, Account's key an int: EF Core adds a shadow AccountId1.</summary>
    public class Refund
    {
        public int Id { get; set; }

        public long AccountId { get; set; }

        public Account Account { get; set; } = null!;
    }

    public class Store
    {
        public int Id { get; set; }

        public bool IsClosed { get; set; }
    }

    public class Sale
    {
        public int Id { get; set; }

        public int StoreId { get; set; }

        public Store Store { get; set; } = null!;
    }

    public sealed class BrokenShopContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql("Host=localhost;Database=x");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Receipt>();
    }

    public sealed class QuietShopContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder
            .UseNpgsql("Host=localhost;Database=x")
            .ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

        protected override void OnModelCreating(ModelBuilder modelBuilder) => SchemaLint.EntityFrameworkCore.Tests.Auditing.SchemaAuditTests.QueryFilteredPrincipal(modelBuilder);
    }
}
