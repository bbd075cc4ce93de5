namespace SchemaLint.CodeFixes.Infrastructure
{
    /// <summary>One fix a provider offers for a diagnostic: its title in the light-bulb menu and its stable equivalence key.</summary>
    internal sealed class FixChoice
    {
        public FixChoice(string title, string equivalenceKey)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
        }

        public string Title { get; }

        /// <summary>Stable across versions and diagnostics: Fix All applies every fix that shares it.</summary>
        public string EquivalenceKey { get; }
    }
}
