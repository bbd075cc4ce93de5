using SchemaLint.Core.Baseline;

namespace SchemaLint.Core.Tests.Baseline;

/// <summary>The baseline file: a documented, sorted, stable shape that reads back as written.</summary>
public sealed class BaselineFileTests
{
    private static readonly FindingFingerprint Amount = new("SL2001", "Shop.ShopContext", "Shop.Product", "Price", "00000000000000aa");
    private static readonly FindingFingerprint Timestamps = new("SL3001", "Shop.ShopContext", "Shop.Product", null, "00000000000000bb");
    private static readonly FindingFingerprint Index = new("SL1001", "Shop.ShopContext", "Shop.Order", "Customer", "00000000000000cc");

    [Fact]
    public void Entries_are_written_sorted_by_rule_context_entity_member_and_hash_one_per_line()
    {
        var json = BaselineFile.From(new[] { Timestamps, Amount, Index }).ToJson();

        Assert.Equal(
            "{\n" +
            "  \"version\": 1,\n" +
            "  \"entries\": [\n" +
            "    { \"ruleId\": \"SL1001\", \"context\": \"Shop.ShopContext\", \"entity\": \"Shop.Order\", \"member\": \"Customer\", \"hash\": \"00000000000000cc\" },\n" +
            "    { \"ruleId\": \"SL2001\", \"context\": \"Shop.ShopContext\", \"entity\": \"Shop.Product\", \"member\": \"Price\", \"hash\": \"00000000000000aa\" },\n" +
            "    { \"ruleId\": \"SL3001\", \"context\": \"Shop.ShopContext\", \"entity\": \"Shop.Product\", \"member\": null, \"hash\": \"00000000000000bb\" }\n" +
            "  ]\n" +
            "}\n",
            json);
    }

    [Fact]
    public void The_same_findings_in_any_order_write_the_same_text()
    {
        Assert.Equal(BaselineFile.From(new[] { Amount, Timestamps, Index }).ToJson(), BaselineFile.From(new[] { Index, Timestamps, Amount, Amount }).ToJson());
    }

    [Fact]
    public void A_written_file_reads_back_to_the_same_entries()
    {
        var written = BaselineFile.From(new[] { Amount, Timestamps, new FindingFingerprint("SL5001", null, null, "Db \"quoted\"\\path", "00000000000000dd") });

        var read = BaselineFile.Parse(written.ToJson());

        Assert.Equal(written.Entries, read.Entries);
    }

    [Fact]
    public void Entries_that_match_no_current_finding_are_stale()
    {
        var baseline = BaselineFile.From(new[] { Amount, Timestamps });

        Assert.Equal(new[] { Timestamps }, baseline.StaleEntries(new[] { Amount, Index }));
    }

    [Fact]
    public void Entries_the_run_could_not_judge_are_never_stale()
    {
        var baseline = BaselineFile.From(new[] { Amount, Index });

        Assert.Empty(baseline.StaleEntries(Array.Empty<FindingFingerprint>(), judged: e => e.Entity != "Shop.Order" && e.Entity != "Shop.Product"));
    }

    [Fact]
    public void Rewriting_replaces_the_judged_entries_and_keeps_the_others()
    {
        var otherContext = new FindingFingerprint("SL2001", "Shop.ArchiveContext", "Shop.Product", "Price", "00000000000000ee");
        var baseline = BaselineFile.From(new[] { Amount, otherContext });

        var rewritten = baseline.Rewritten(new[] { Index }, judged: e => e.Context == "Shop.ShopContext");

        Assert.Equal(new[] { Index, otherContext }, rewritten.Entries);
    }

    [Fact]
    public void A_file_of_another_version_is_refused_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => BaselineFile.Parse("{ \"version\": 2, \"entries\": [] }"));

        Assert.Contains("\"version\" must be 1", error.Message);
    }

    [Fact]
    public void Broken_json_is_refused_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => BaselineFile.Parse("{\n  \"version\": 1,\n  \"entries\": [ { \"ruleId\": \"SL2001\" \"hash\": \"x\" } ]\n}"));

        Assert.Contains("on line 3", error.Message);
    }

    [Fact]
    public void An_entry_without_a_hash_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => BaselineFile.Parse("{ \"version\": 1, \"entries\": [ { \"ruleId\": \"SL2001\" } ] }"));

        Assert.Equal("entry 1 has no \"hash\"", error.Message);
    }
}
