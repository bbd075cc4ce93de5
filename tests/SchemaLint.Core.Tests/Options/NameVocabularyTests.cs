using SchemaLint.Core.Options;

namespace SchemaLint.Core.Tests.Options;

public class NameVocabularyTests
{
    [Theory]
    [InlineData("HTMLBody", new[] { "html", "body" })]
    [InlineData("total_amount", new[] { "total", "amount" })]
    [InlineData("unitPrice", new[] { "unit", "price" })]
    [InlineData("Address2Line", new[] { "address2", "line" })]
    public void Splits_names_into_words(string name, string[] words)
    {
        Assert.Equal(words, NameVocabulary.SplitWords(name));
    }

    [Fact]
    public void Whole_name_matching_ignores_other_words()
    {
        var vocabulary = new NameVocabulary(NameMatch.WholeName, new[] { "email" });

        Assert.True(vocabulary.Matches("Email"));
        Assert.False(vocabulary.Matches("BackupEmail"));
    }

    [Fact]
    public void Last_word_matching_reads_the_last_word_only()
    {
        var vocabulary = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[] { "amount" });

        Assert.True(vocabulary.Matches("TotalAmount"));
        Assert.False(vocabulary.Matches("AmountRatio"));
    }

    [Fact]
    public void A_whole_name_only_entry_ignores_last_words_in_a_last_word_vocabulary()
    {
        var vocabulary = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[] { "=text", "body" });

        Assert.True(vocabulary.Matches("Text"));
        Assert.False(vocabulary.Matches("ButtonText"));
        Assert.True(vocabulary.Matches("MessageBody"));
    }

    [Fact]
    public void Option_edits_keep_and_add_whole_name_only_entries()
    {
        var errors = new List<string>();
        var vocabulary = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[] { "=text" }).With("+=caption, +body", false, errors, "key");

        Assert.Empty(errors);
        Assert.Equal(new[] { "=caption", "=text", "body" }, vocabulary.Entries.OrderBy(e => e, StringComparer.Ordinal));
        Assert.False(vocabulary.Matches("ImageCaption"));
        Assert.True(vocabulary.Matches("Caption"));
    }
}
