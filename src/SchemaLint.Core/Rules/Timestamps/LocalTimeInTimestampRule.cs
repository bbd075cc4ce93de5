namespace SchemaLint.Core.Rules.Timestamps
{
    public sealed class LocalTimeInTimestampRule : SchemaRule
    {
        public static readonly RuleDescriptor Rule = new RuleDescriptor(
            RuleIds.LocalTimeInTimestamp,
            "Local time in a timestamp",
            "Local time flows into '{0}.{1}'; use DateTime.UtcNow (Npgsql rejects local times for timestamptz, and every reader in another time zone misreads them)",
            RuleCategories.Timestamps,
            Severity.Warning,
            "DateTime.Now or DateTime.Today assigned to a mapped DateTime property.",
            requiresSource: true);

        public override RuleDescriptor Descriptor => Rule;

        public override void Analyze(RuleContext context)
        {
            foreach (var entity in context.Entities)
            {
                foreach (var property in entity.Properties)
                {
                    foreach (var write in property.LocalTimeWrites)
                        context.Report(entity, property.Name, write, entity.ShortName, property.Name);
                }
            }
        }
    }
}
