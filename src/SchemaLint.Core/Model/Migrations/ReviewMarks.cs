using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SchemaLint.Core.Model.Migrations
{
    /// <summary>
    /// The comment that marks a migration reviewed for some rules: <c>// schemalint: reviewed SL7003</c> (several ids separated by
    /// commas or spaces; <c>*</c> for every migration rule). Both front ends read it from the migration's source file.
    /// </summary>
    public static class ReviewMarks
    {
        private static readonly Regex Mark = new Regex(@"schemalint\s*:\s*reviewed\s+((?:SL\d{4}|\*(?!/))(?:[\s,]+(?:SL\d{4}|\*(?!/)))*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The rule ids the text marks reviewed, upper-cased.</summary>
        public static IEnumerable<string> Parse(string text)
        {
            if (string.IsNullOrEmpty(text)) yield break;
            foreach (Match match in Mark.Matches(text))
            {
                foreach (var id in match.Groups[1].Value.Split(new[] { ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries))
                    yield return id.ToUpperInvariant();
            }
        }
    }
}
