namespace SchemaLint.Core.Rules.Lifecycle
{
    public sealed class EnsureCreatedOutsideTestsRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.EnsureCreatedOutsideTests,
            "Database.EnsureCreated() outside tests",
            "{0} creates the schema once and never evolves it; use migrations (Database.Migrate()) outside tests",
            RuleCategories.Lifecycle,
            Severity.Warning,
            "EnsureCreated builds a schema from the model only when the database is empty, bypasses migrations, and cannot be followed by them.",
            requiresSource: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            if (context.Model.Code.IsTestProject) return;
            foreach (var call in context.Model.Code.EnsureCreatedCalls)
                context.Report(null, call.Subject, call.Location, call.IsAsync ? "Database.EnsureCreatedAsync()" : "Database.EnsureCreated()");
        }
    }
}
