using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Drafts
{
    /// <summary>A CLR navigation: a reference or collection property whose type is an entity type of the model.</summary>
    internal sealed class NavigationDraft
    {
        public NavigationDraft(EntityDraft declaring, ClrMember member, EntityDraft target, bool isCollection)
        {
            Declaring = declaring;
            Member = member;
            Target = target;
            IsCollection = isCollection;
        }

        public EntityDraft Declaring { get; }

        public ClrMember Member { get; }

        public string Name => Member.Name;

        public EntityDraft Target { get; }

        public bool IsCollection { get; }

        /// <summary>A relationship (Fluent or convention) has taken this navigation.</summary>
        public bool IsClaimed { get; set; }

        public SourceLocation? Location => Member.Location;
    }
}
