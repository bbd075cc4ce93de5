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
}
