namespace SchemaLint.Core.Rules.Lifecycle
{
    public sealed class DbContextNotDisposedRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.DbContextNotDisposed,
            "DbContext not disposed",
            "'{0}' is created here but neither disposed nor handed on; its connection and change tracker outlive the work",
            RuleCategories.Lifecycle,
            Severity.Warning,
            "A DbContext created with new (or a factory's CreateDbContext) in a method that neither disposes it nor hands it on (return, field, out, argument).",
            requiresSource: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var site in context.Model.Code.UndisposedContexts)
                context.Report(null, site.Subject, site.Location, site.Subject);
        }
    }
}
