using System.Collections.Generic;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Conventions
{
    /// <summary>The shared-type join entity EF Core creates for a many-to-many relationship ("PostTag").</summary>
    internal sealed class JoinEntity
    {
        public JoinEntity(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public List<(string Name, ClrType Type)> Properties { get; } = new List<(string, ClrType)>();

        public List<ForeignKeyModel> ForeignKeys { get; } = new List<ForeignKeyModel>();

        public List<string> PrimaryKey { get; } = new List<string>();

        public List<IndexModel> Indexes { get; } = new List<IndexModel>();

        public SourceLocation? Location { get; set; }
    }
}
