using System;
using System.Collections.Generic;
using System.Linq;

namespace SchemaLint.Core.Model.Migrations
{
    /// <summary>
    /// A context's migrations, in the order EF Core applies them (by id), with the operations of each <c>Up</c>. The analyzers
    /// read them from the <c>MigrationBuilder</c> calls in source; the audit from the compiled migrations' <c>UpOperations</c>.
    /// The migration rules (SL7xxx) need it and stay silent without it.
    /// </summary>
    public sealed class MigrationHistory
    {
        private readonly List<MigrationModel> _migrations = new List<MigrationModel>();

        /// <summary>Ordered by id, ordinally, as EF Core's migrations assembly orders them.</summary>
        public IReadOnlyList<MigrationModel> Migrations => _migrations;

        /// <summary>
        /// Whether the model differs from the last migration's snapshot (SL7007); null when the front end cannot tell (the
        /// analyzers never can: they do not build the model EF Core builds).
        /// </summary>
        public bool? HasPendingModelChanges { get; set; }

        /// <summary>What the pending changes are, in words (for example "AddColumn Customers.Phone"), when known.</summary>
        public IReadOnlyList<string> PendingModelChanges { get; set; } = Array.Empty<string>();

        public MigrationModel Add(MigrationModel migration)
        {
            if (migration is null) throw new ArgumentNullException(nameof(migration));
            var index = _migrations.FindIndex(m => string.CompareOrdinal(m.Id, migration.Id) > 0);
            if (index < 0) _migrations.Add(migration);
            else _migrations.Insert(index, migration);
            return migration;
        }

        /// <summary>The migrations applied before <paramref name="migration"/>.</summary>
        public IEnumerable<MigrationModel> Before(MigrationModel migration) => _migrations.TakeWhile(m => !ReferenceEquals(m, migration));
    }

    /// <summary>One migration: its id (<c>[Migration("20240101120000_AddEmail")]</c>), its class and what its <c>Up</c> does.</summary>
    public sealed class MigrationModel
    {
        private readonly HashSet<string> _reviewed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public MigrationModel(string id, string name)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? throw new ArgumentNullException(nameof(name));
        }

        /// <summary>The id EF Core orders migrations by: a timestamp and the name.</summary>
        public string Id { get; }

        /// <summary>The migration class's full name.</summary>
        public string Name { get; }

        /// <summary>The migration class, or its <c>Up</c> method.</summary>
        public SourceLocation? Location { get; set; }

        public List<MigrationOperation> Operations { get; } = new List<MigrationOperation>();

        /// <summary>
        /// False when <c>Up</c> does something the front end could not read as operations (a loop, a helper method, a
        /// condition): a rule that needs to know that no step does X (backfills, removes duplicates) stays silent.
        /// </summary>
        public bool IsFullyRead { get; set; } = true;

        /// <summary>Rule ids the migration is marked reviewed for (<c>// schemalint: reviewed SL7003</c>); <c>*</c> marks all.</summary>
        public ICollection<string> ReviewedRules => _reviewed;

        public bool IsReviewed(string ruleId) => _reviewed.Contains(ruleId) || _reviewed.Contains("*");

        public override string ToString() => Id;
    }
}
