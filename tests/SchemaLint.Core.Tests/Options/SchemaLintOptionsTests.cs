using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Options;

public class SchemaLintOptionsTests
{
    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData("warning", Severity.Warning)]
    [InlineData("suggestion", Severity.Suggestion)]
    [InlineData("silent", Severity.Silent)]
    [InlineData("none", Severity.None)]
    public void Reads_rule_severities(string value, Severity expected)
    {
        var options = Config.Of($"dotnet_diagnostic.SL2001.severity = {value}");

        Assert.Equal(expected, options.EffectiveSeverity(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint)));
    }

    [Fact]
    public void Reads_severity_ids_case_insensitively()
    {
        var options = Config.Of("dotnet_diagnostic.sl2001.severity = error");

        Assert.Equal(Severity.Error, options.EffectiveSeverity(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint)));
    }

    [Fact]
    public void Keeps_the_default_severity_of_unconfigured_rules()
    {
        var options = Config.Of("dotnet_diagnostic.SL2001.severity = error");

        Assert.Equal(Severity.Suggestion, options.EffectiveSeverity(RuleCatalog.Get(RuleIds.ShortTextUnbounded)));
    }

    [Fact]
    public void Reports_a_bad_severity()
    {
        var error = Assert.Single(Config.Of("dotnet_diagnostic.SL2001.severity = loud").Errors);

        Assert.Equal("dotnet_diagnostic.SL2001.severity: 'loud' is not a severity (none, silent, suggestion, warning, error).", error);
    }

    [Fact]
    public void Reads_the_baseline_path_as_written_when_no_file_anchors_it()
    {
        Assert.Equal("build/schemalint.baseline.json", Config.Of("schemalint.baseline = build/schemalint.baseline.json").BaselinePath);
    }

    [Fact]
    public void Reports_an_empty_baseline_path()
    {
        var options = Config.Of("schemalint.baseline =");

        Assert.Null(options.BaselinePath);
        Assert.Equal("schemalint.baseline: '' is not a path; give the baseline file, as in schemalint.baseline = schemalint.baseline.json, or remove the line.", Assert.Single(options.Errors));
    }

    [Fact]
    public void Ignores_other_analyzers_severities()
    {
        var options = Config.Of("dotnet_diagnostic.CA1000.severity = loud", "indent_size = 4");

        Assert.Empty(options.Errors);
        Assert.Empty(options.ConfiguredSeverities);
    }

    [Fact]
    public void A_plain_vocabulary_list_replaces_the_defaults()
    {
        var options = Config.Of("schemalint.money_names = bounty, reward");

        Assert.Equal(new[] { "bounty", "reward" }, options.MoneyNames.Entries);
    }

    [Fact]
    public void Plus_and_minus_items_edit_the_defaults()
    {
        var options = Config.Of("schemalint.money_names = +bounty, -balance");

        Assert.True(options.MoneyNames.Matches("Bounty"));
        Assert.False(options.MoneyNames.Matches("Balance"));
        Assert.True(options.MoneyNames.Matches("Amount"));
    }

    [Fact]
    public void Vocabulary_entries_are_normalised()
    {
        var options = Config.Of("schemalint.unique_names = +Employee_Number");

        Assert.True(options.UniqueNames.Matches("EmployeeNumber"));
        Assert.True(options.UniqueNames.Matches("employee_number"));
    }

    [Fact]
    public void Short_text_names_take_a_name_and_a_length()
    {
        var options = Config.Of("schemalint.short_text_names = +iban:34, -color");

        Assert.True(options.ShortTextNames.TryMatch("Iban", out _, out var length));
        Assert.Equal(34, length);
        Assert.False(options.ShortTextNames.Matches("Color"));
        Assert.Empty(options.Errors);
    }

    [Fact]
    public void Short_text_names_without_a_length_are_an_error()
    {
        var error = Assert.Single(Config.Of("schemalint.short_text_names = +iban").Errors);

        Assert.Equal("schemalint.short_text_names: '+iban' needs a length, as in 'iban:100'.", error);
    }

    [Theory]
    [InlineData("+iban:abc")]
    [InlineData("+iban:0")]
    [InlineData("+iban:-3")]
    public void Short_text_names_with_a_bad_length_are_an_error(string item)
    {
        var error = Assert.Single(Config.Of($"schemalint.short_text_names = {item}").Errors);

        Assert.Equal($"schemalint.short_text_names: '{item}' is not a name or name:length with a positive length.", error);
    }

    [Fact]
    public void A_length_on_a_vocabulary_without_lengths_is_an_error()
    {
        var error = Assert.Single(Config.Of("schemalint.money_names = +bounty:3").Errors);

        Assert.Equal("schemalint.money_names: '+bounty:3' is not a name.", error);
    }

    [Fact]
    public void Reads_the_long_text_threshold()
    {
        Assert.Equal(SchemaLintOptions.DefaultLongTextThreshold, SchemaLintOptions.Default.LongTextThreshold);
        Assert.Equal(1000, Config.Of("schemalint.long_text_threshold = 1000").LongTextThreshold);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-5")]
    public void Reports_a_bad_long_text_threshold(string value)
    {
        var options = Config.Of($"schemalint.long_text_threshold = {value}");

        Assert.Equal(SchemaLintOptions.DefaultLongTextThreshold, options.LongTextThreshold);
        Assert.Equal($"schemalint.long_text_threshold: '{value}' is not a positive whole number.", Assert.Single(options.Errors));
    }

    [Theory]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("Npgsql", DatabaseProvider.PostgreSql)]
    [InlineData("sql_server", DatabaseProvider.SqlServer)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("mariadb", DatabaseProvider.MySql)]
    public void Reads_a_provider_override(string value, DatabaseProvider expected)
    {
        Assert.Equal(expected, Config.Of($"schemalint.provider = {value}").Provider);
    }

    [Fact]
    public void Auto_provider_leaves_the_model_provider_in_charge()
    {
        Assert.Null(Config.Of("schemalint.provider = auto").Provider);
    }

    [Fact]
    public void Reports_an_unknown_provider()
    {
        var error = Assert.Single(Config.Of("schemalint.provider = oracle").Errors);

        Assert.Equal("schemalint.provider: 'oracle' is not a provider (postgresql, sqlserver, sqlite, mysql, unknown).", error);
    }

    [Fact]
    public void The_provider_override_changes_what_rules_see()
    {
        var invoice = Schema.PostgreSql().Entity("Invoice", e => e.Key("Id").Property<decimal>("Total"));

        Assert.Empty(invoice.Lint(RuleIds.DecimalWithoutPrecision, Config.Of("schemalint.provider = sqlite")));
    }

    [Theory]
    [InlineData("Legacy*")]
    [InlineData("*Log")]
    [InlineData("App.Models.LegacyAuditLog")]
    [InlineData("legacyauditlog")]
    public void Excludes_entities_by_name_with_wildcards(string pattern)
    {
        var options = Config.Of($"schemalint.exclude_entities = Other, {pattern}");

        Assert.True(options.IsExcluded(new EntityTypeModel("App.Models.LegacyAuditLog")));
        Assert.False(options.IsExcluded(new EntityTypeModel("App.Models.Expense")));
    }

    [Theory]
    [InlineData("legacy_*")]
    [InlineData("audit.legacy_*")]
    [InlineData("*.legacy_log")]
    public void Excludes_entities_by_table_with_wildcards(string pattern)
    {
        var options = Config.Of($"schemalint.exclude_tables = {pattern}");

        Assert.True(options.IsExcluded(new EntityTypeModel("AuditLog") { TableName = "legacy_log", Schema = "audit" }));
        Assert.False(options.IsExcluded(new EntityTypeModel("Expense") { TableName = "expenses", Schema = "audit" }));
    }

    [Fact]
    public void Excluded_entities_produce_no_findings()
    {
        var findings = Schema.PostgreSql()
            .Entity("LegacyExpense", e => e.Key("Id").Property<double>("Amount"))
            .Entity("Expense", e => e.Key("Id").Property<double>("Amount"))
            .Lint(RuleIds.MoneyAsFloatingPoint, Config.Of("schemalint.exclude_entities = Legacy*"));

        Expect.Single(findings, RuleIds.MoneyAsFloatingPoint, "Expense", "Amount");
    }

    [Fact]
    public void Reports_unknown_schemalint_keys()
    {
        var error = Assert.Single(Config.Of("schemalint.mony_names = +bounty").Errors);

        Assert.StartsWith("schemalint.mony_names: unknown SchemaLint option (known: schemalint.money_names, ", error);
    }

    [Fact]
    public void Reads_keys_case_insensitively()
    {
        var options = Config.Of("SchemaLint.Long_Text_Threshold = 900");

        Assert.Equal(900, options.LongTextThreshold);
        Assert.Empty(options.Errors);
    }

    [Fact]
    public void The_last_value_of_a_key_wins()
    {
        // [*] then [*.cs]: the compiler keeps only the later value, so edits must not pile up.
        var options = Config.Of("[*]", "schemalint.money_names = +bounty", "[*.cs]", "schemalint.money_names = +reward");

        Assert.False(options.MoneyNames.Matches("Bounty"));
        Assert.True(options.MoneyNames.Matches("Reward"));
    }

    [Fact]
    public void Configuring_in_code_leaves_the_original_alone()
    {
        var configured = SchemaLintOptions.Default.WithSeverity(RuleIds.MoneyAsFloatingPoint, Severity.Error).WithProvider(DatabaseProvider.SqlServer).WithExcludedEntities("Legacy*");

        Assert.Equal(Severity.Error, configured.EffectiveSeverity(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint)));
        Assert.Equal(Severity.Warning, SchemaLintOptions.Default.EffectiveSeverity(RuleCatalog.Get(RuleIds.MoneyAsFloatingPoint)));
        Assert.Null(SchemaLintOptions.Default.Provider);
        Assert.Empty(SchemaLintOptions.Default.ExcludedEntities);
    }

    [Fact]
    public void Package_entities_are_skipped_unless_included()
    {
        Assert.False(SchemaLintOptions.Default.IncludePackageEntities);
        Assert.True(Config.Of("schemalint.include_package_entities = true").IncludePackageEntities);
        Assert.False(Config.Of("schemalint.include_package_entities = false").IncludePackageEntities);
    }

    [Fact]
    public void Reports_an_include_package_entities_value_that_is_not_true_or_false()
    {
        var options = Config.Of("schemalint.include_package_entities = yes");

        Assert.False(options.IncludePackageEntities);
        Assert.Equal("schemalint.include_package_entities: 'yes' is not true or false.", Assert.Single(options.Errors));
    }

    /// <summary>A value other than the default for every option, so that each can be told apart from the defaults.</summary>
    private static readonly IReadOnlyDictionary<string, string> Changed = new Dictionary<string, string>
    {
        [SchemaLintOptions.Keys.MoneyNames] = "+tithe",
        [SchemaLintOptions.Keys.LongTextNames] = "+screed",
        [SchemaLintOptions.Keys.LongTextThreshold] = "300",
        [SchemaLintOptions.Keys.ShortTextNames] = "+moniker:40",
        [SchemaLintOptions.Keys.RequiredNames] = "+callsign",
        [SchemaLintOptions.Keys.UniqueNames] = "+barcode",
        [SchemaLintOptions.Keys.StatusNames] = "+lifecyclestage",
        [SchemaLintOptions.Keys.QuantityNames] = "+bushels",
        [SchemaLintOptions.Keys.CreatedNames] = "+BornAt",
        [SchemaLintOptions.Keys.UpdatedNames] = "+TouchedAt",
        [SchemaLintOptions.Keys.AppendOnlyNames] = "+chronicle",
        [SchemaLintOptions.Keys.IdentityEntityNames] = "+patron",
        [SchemaLintOptions.Keys.IdentityUniqueNames] = "+signon",
        [SchemaLintOptions.Keys.SignedNames] = "+skew",
        [SchemaLintOptions.Keys.Provider] = "sqlite",
        [SchemaLintOptions.Keys.ExcludeEntities] = "Legacy*",
        [SchemaLintOptions.Keys.ExcludeTables] = "audit.*",
        [SchemaLintOptions.Keys.ScopedModelBuilders] = "Shop.Model.Build",
        [SchemaLintOptions.Keys.MigrationsReviewedBefore] = "20240101",
        [SchemaLintOptions.Keys.IncludePackageEntities] = "true",
        [SchemaLintOptions.Keys.Baseline] = "schemalint.baseline.json",
        ["dotnet_diagnostic.SL1001.severity"] = "error",
    };

    public static TheoryData<string> EveryKey()
    {
        var keys = new TheoryData<string>();
        foreach (var key in Changed.Keys) keys.Add(key);
        return keys;
    }

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void Options_that_set_one_key_otherwise_do_not_have_the_same_settings(string key)
    {
        var options = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>(key, Changed[key]) });

        Assert.Empty(options.Errors);
        Assert.False(options.HasSameSettingsAs(SchemaLintOptions.Default));
        Assert.False(SchemaLintOptions.Default.HasSameSettingsAs(options));
    }

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void Options_read_twice_from_the_same_keys_have_the_same_settings(string key)
    {
        var pairs = new[] { new KeyValuePair<string, string>(key, Changed[key]) };

        Assert.True(SchemaLintOptions.FromKeyValues(pairs).HasSameSettingsAs(SchemaLintOptions.FromKeyValues(pairs)));
    }

    [Fact]
    public void A_value_changed_for_every_option_key()
    {
        Assert.Equal(SchemaLintOptions.Keys.All.OrderBy(k => k, StringComparer.Ordinal), Changed.Keys.Where(k => k.StartsWith(SchemaLintOptions.Prefix, StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Reading_errors_are_not_settings()
    {
        var misread = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>(SchemaLintOptions.Keys.LongTextThreshold, "many") });

        Assert.NotEmpty(misread.Errors);
        Assert.True(misread.HasSameSettingsAs(SchemaLintOptions.Default));
    }
}
