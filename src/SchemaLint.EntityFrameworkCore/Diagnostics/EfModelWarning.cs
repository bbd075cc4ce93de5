namespace SchemaLint.EntityFrameworkCore.Diagnostics
{
    /// <summary>A warning EF Core's model validation raised, with the model element it names when it names one.</summary>
    internal sealed class EfModelWarning
    {
        public EfModelWarning(string eventName, string message, string? entityName, string? memberName, string? relatedMemberName)
        {
            EventName = eventName;
            Message = message;
            EntityName = entityName;
            MemberName = memberName;
            RelatedMemberName = relatedMemberName;
        }

        /// <summary>EF Core's event name, e.g. <c>Microsoft.EntityFrameworkCore.Model.Validation.ShadowForeignKeyPropertyCreated</c>.</summary>
        public string EventName { get; }

        public string Message { get; }

        /// <summary>The entity type's model name (the core model's entity name).</summary>
        public string? EntityName { get; }

        public string? MemberName { get; }

        /// <summary>A second member the event names, such as the property a shadow foreign key conflicts with.</summary>
        public string? RelatedMemberName { get; }

        /// <summary>The event name without its category prefix.</summary>
        public string ShortEventName
        {
            get
            {
                var dot = EventName.LastIndexOf('.');
                return dot >= 0 ? EventName.Substring(dot + 1) : EventName;
            }
        }

        public override string ToString() => $"EF Core {ShortEventName}: {Message}";
    }
}
