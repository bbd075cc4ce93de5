using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SchemaLint.Core.Model;
using SchemaLint.Core.Rules;

namespace SchemaLint.Core.Options
{
    /// <summary>
    /// Options every front end shares, read from .editorconfig-style pairs: <c>schemalint.&lt;option&gt; = value</c>
    /// and <c>dotnet_diagnostic.&lt;id&gt;.severity = value</c>. Every default is documented in rules.md.
    /// </summary>
    public sealed class SchemaLintOptions
    {
        public const string Prefix = "schemalint.";
        public const int DefaultLongTextThreshold = 500;

        public static class Keys
        {
            public const string MoneyNames = "schemalint.money_names";
            public const string LongTextNames = "schemalint.long_text_names";
            public const string LongTextThreshold = "schemalint.long_text_threshold";
            public const string ShortTextNames = "schemalint.short_text_names";
            public const string RequiredNames = "schemalint.required_names";
            public const string UniqueNames = "schemalint.unique_names";
            public const string StatusNames = "schemalint.status_names";
            public const string QuantityNames = "schemalint.quantity_names";
            public const string CreatedNames = "schemalint.created_names";
            public const string UpdatedNames = "schemalint.updated_names";
            public const string AppendOnlyNames = "schemalint.append_only_names";
            public const string IdentityEntityNames = "schemalint.identity_entity_names";
            public const string IdentityUniqueNames = "schemalint.identity_unique_names";
            public const string SignedNames = "schemalint.signed_names";
            public const string Provider = "schemalint.provider";
            public const string ExcludeEntities = "schemalint.exclude_entities";
            public const string ExcludeTables = "schemalint.exclude_tables";
            public const string ScopedModelBuilders = "schemalint.scoped_model_builders";
            public const string MigrationsReviewedBefore = "schemalint.migrations_reviewed_before";
            public const string IncludePackageEntities = "schemalint.include_package_entities";
            public const string Baseline = "schemalint.baseline";

            public static readonly IReadOnlyList<string> All = new[]
            {
                MoneyNames, LongTextNames, LongTextThreshold, ShortTextNames, RequiredNames, UniqueNames, StatusNames,
                QuantityNames, CreatedNames, UpdatedNames, AppendOnlyNames, IdentityEntityNames, IdentityUniqueNames, SignedNames, Provider, ExcludeEntities, ExcludeTables, ScopedModelBuilders,
                MigrationsReviewedBefore, IncludePackageEntities, Baseline,
            };
        }

        private Dictionary<string, Severity> _severities;

        private SchemaLintOptions(Dictionary<string, Severity> severities)
        {
            _severities = severities;
        }

        public static SchemaLintOptions Default { get; } = new SchemaLintOptions(new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase));

        /// <summary>Money-like names (SL2001, SL4001): whole name or last word.</summary>
        public NameVocabulary MoneyNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "amount", "price", "cost", "total", "subtotal", "balance", "fee", "tax", "salary", "payment", "discount",
            "wage", "budget", "revenue", "income", "expense", "refund", "charge", "fare", "payout", "deposit", "unitprice",
        });

        /// <summary>Long-text names (SL2003): whole name or last word.</summary>
        public NameVocabulary LongTextNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "content", "body", "description", "bio", "biography", "comment", "comments", "notes", "note", "message",
            "=text", "bodytext", "messagetext", "commenttext", "summary", "details", "remarks", "review", "instructions", "html", "markdown", "abstract",
        });

        /// <summary>Short bounded names with their suggested lengths (SL2004): whole name or last word.</summary>
        public NameVocabulary ShortTextNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            Entry("email", 254), Entry("emailaddress", 254), Entry("name", 100), Entry("username", 50), Entry("title", 200),
            Entry("slug", 100), Entry("code", 50), Entry("phone", 32), Entry("phonenumber", 32), Entry("url", 2048),
            Entry("uri", 2048), Entry("sku", 64), Entry("handle", 50), Entry("login", 50), Entry("postalcode", 16), Entry("zipcode", 16),
            Entry("currency", 3), Entry("currencycode", 3), Entry("countrycode", 2), Entry("color", 7), Entry("colour", 7),
        });

        /// <summary>Strings that are required in practice (SL2005): whole name only.</summary>
        public NameVocabulary RequiredNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "name", "email", "emailaddress", "title", "username", "firstname", "lastname", "fullname", "displayname", "slug",
        });

        /// <summary>Key-like names whose values must be unique on whatever entity has them as its own (SL2007): whole name only.</summary>
        public NameVocabulary UniqueNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "slug", "handle", "sku",
        });

        /// <summary>
        /// Names that identify a person or party (SL2007): unique on an identity entity (<see cref="IdentityEntityNames"/>) only,
        /// since a membership, invitation or contact row holds the same person's email many times. Whole name only.
        /// </summary>
        public NameVocabulary IdentityUniqueNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "email", "emailaddress", "username", "login",
        });

        /// <summary>Status-like names (SL2008): whole name or last word.</summary>
        public NameVocabulary StatusNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "status",
        });

        /// <summary>Quantity-like names that want a range check (SL4001), beside money names: whole name or last word.</summary>
        public NameVocabulary QuantityNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "quantity", "qty", "stock", "units",
        });

        /// <summary>
        /// Words that make a number legitimately signed (SL4001): <c>AdjustedQuantity</c>, <c>StockDelta</c>, <c>BalanceChange</c>
        /// record a movement, which goes both ways. Any word of the name counts.
        /// </summary>
        public NameVocabulary SignedNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "adjusted", "adjustment", "delta", "change", "difference", "diff", "variance", "correction", "movement", "net",
        });

        /// <summary>Created-timestamp names (SL3001, SL3002, SL2008): whole name only.</summary>
        public NameVocabulary CreatedNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "createdat", "createdon", "created", "createddate", "createdutc", "createdatutc", "createdtime", "datecreated",
            "creationdate", "creationtime", "insertedat",
        });

        /// <summary>Updated-timestamp names (SL3001, SL3002): whole name only.</summary>
        public NameVocabulary UpdatedNames { get; private set; } = new NameVocabulary(NameMatch.WholeName, new[]
        {
            "updatedat", "updatedon", "updated", "updateddate", "updatedutc", "updatedatutc", "modifiedat", "modifiedon",
            "modified", "modifieddate", "lastmodified", "lastmodifiedat", "lastupdated", "lastupdatedat", "datemodified", "dateupdated",
        });

        /// <summary>
        /// Entity names of append-only tables (SL3001): their rows are written once, so a created timestamp is all they need.
        /// Matched against the entity type's simple name, whole name or last word (<c>LedgerEntry</c>, <c>DomainEvent</c>, <c>AuditLog</c>).
        /// </summary>
        public NameVocabulary AppendOnlyNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "entry", "event", "log", "history", "audit", "snapshot", "revision", "idempotencyrecord", "idempotencykey",
            "outboxmessage", "inboxmessage",
        });

        /// <summary>
        /// Entity names that represent an identity (SL2007): one row per person or party, so its email or user name is unique.
        /// Matched against the entity type's simple name, whole name or last word (<c>ApplicationUser</c>, <c>UserAccount</c>).
        /// </summary>
        public NameVocabulary IdentityEntityNames { get; private set; } = new NameVocabulary(NameMatch.WholeNameOrLastWord, new[]
        {
            "user", "account", "customer", "employee",
        });

        /// <summary>SL2003: a long-text column capped below this many characters is too short.</summary>
        public int LongTextThreshold { get; private set; } = DefaultLongTextThreshold;

        /// <summary>A provider that overrides the one the model names; null means use the model's.</summary>
        public DatabaseProvider? Provider { get; private set; }

        /// <summary>Entity patterns (full or simple CLR names, <c>*</c> wildcards) whose findings are not reported.</summary>
        public IReadOnlyList<string> ExcludedEntities { get; private set; } = Array.Empty<string>();

        /// <summary>Table patterns (<c>*</c> wildcards, optionally schema-qualified) whose entities are not reported.</summary>
        public IReadOnlyList<string> ExcludedTables { get; private set; } = Array.Empty<string>();

        /// <summary>
        /// Assemblies whose compiled model-building code (a base context, an extension on ModelBuilder) configures only the
        /// entity types they declare and the type arguments they are given, never the rest of the model. The analyzers then
        /// keep the rest of a context known when such code receives the ModelBuilder. Identity's, OpenIddict's and Data
        /// Protection's are built in; this adds more.
        /// </summary>
        public IReadOnlyList<string> ScopedModelBuilders { get; private set; } = Array.Empty<string>();

        /// <summary>
        /// Migrations whose id sorts before this one (a full id or a timestamp prefix such as <c>20240101</c>) count as reviewed
        /// for every migration rule (SL7xxx): the baseline for a project that adopts SchemaLint with a long history. Null: none.
        /// </summary>
        public string? MigrationsReviewedBefore { get; private set; }

        /// <summary>
        /// Whether findings about entity types and members that packages declare (Identity's roles and claims, the columns
        /// <c>AppUser</c> inherits from <c>IdentityUser</c>) are reported; off by default, since the application cannot change
        /// them. See <see cref="PackageOwnership"/>.
        /// </summary>
        public bool IncludePackageEntities { get; private set; }

        /// <summary>
        /// The baseline file (<c>schemalint.baseline.json</c>) whose findings are not reported. Read from an .editorconfig file by
        /// <see cref="EditorConfigReader"/>, a relative path is made absolute against that file's folder; from the compiler's
        /// options it stays as written, and the analyzers take the AdditionalFiles item whose path ends with it. Null: the
        /// nearest schemalint.baseline.json, if any (see README, "Adopting SchemaLint on an existing project").
        /// </summary>
        public string? BaselinePath { get; private set; }

        /// <summary>Severities configured through <c>dotnet_diagnostic.ID.severity</c>.</summary>
        public IReadOnlyDictionary<string, Severity> ConfiguredSeverities => _severities;

        /// <summary>Problems met while reading options (unknown keys, bad values); front ends show them, none is fatal.</summary>
        public IReadOnlyList<string> Errors { get; private set; } = Array.Empty<string>();

        /// <summary>
        /// Whether these options configure exactly what <paramref name="other"/> configures: every vocabulary, setting and
        /// severity. The problems met while reading them (<see cref="Errors"/>) are not settings and are not compared.
        /// </summary>
        public bool HasSameSettingsAs(SchemaLintOptions other)
        {
            if (other is null) throw new ArgumentNullException(nameof(other));
            if (ReferenceEquals(this, other)) return true;
            return MoneyNames.HasSameEntriesAs(other.MoneyNames)
                && LongTextNames.HasSameEntriesAs(other.LongTextNames)
                && ShortTextNames.HasSameEntriesAs(other.ShortTextNames)
                && RequiredNames.HasSameEntriesAs(other.RequiredNames)
                && UniqueNames.HasSameEntriesAs(other.UniqueNames)
                && IdentityUniqueNames.HasSameEntriesAs(other.IdentityUniqueNames)
                && StatusNames.HasSameEntriesAs(other.StatusNames)
                && QuantityNames.HasSameEntriesAs(other.QuantityNames)
                && SignedNames.HasSameEntriesAs(other.SignedNames)
                && CreatedNames.HasSameEntriesAs(other.CreatedNames)
                && UpdatedNames.HasSameEntriesAs(other.UpdatedNames)
                && AppendOnlyNames.HasSameEntriesAs(other.AppendOnlyNames)
                && IdentityEntityNames.HasSameEntriesAs(other.IdentityEntityNames)
                && LongTextThreshold == other.LongTextThreshold
                && Provider == other.Provider
                && ExcludedEntities.SequenceEqual(other.ExcludedEntities, StringComparer.Ordinal)
                && ExcludedTables.SequenceEqual(other.ExcludedTables, StringComparer.Ordinal)
                && ScopedModelBuilders.SequenceEqual(other.ScopedModelBuilders, StringComparer.Ordinal)
                && string.Equals(MigrationsReviewedBefore, other.MigrationsReviewedBefore, StringComparison.Ordinal)
                && IncludePackageEntities == other.IncludePackageEntities
                && string.Equals(BaselinePath, other.BaselinePath, StringComparison.Ordinal)
                && _severities.Count == other._severities.Count
                && _severities.All(s => other._severities.TryGetValue(s.Key, out var severity) && severity == s.Value);
        }

        public bool TryGetConfiguredSeverity(string ruleId, out Severity severity) => _severities.TryGetValue(ruleId, out severity);

        public Severity EffectiveSeverity(RuleDescriptor rule) => TryGetConfiguredSeverity(rule.Id, out var configured) ? configured : rule.DefaultSeverity;

        /// <summary>
        /// Reads options from key/value pairs (as a Roslyn AnalyzerConfigOptions or an .editorconfig section gives them).
        /// Keys that are neither SchemaLint options nor severities are ignored; unknown <c>schemalint.</c> keys are errors.
        /// </summary>
        public static SchemaLintOptions FromKeyValues(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var options = new SchemaLintOptions(new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase));
            var errors = new List<string>();

            // The compiler gives analyzers one value per key, the last; applying every occurrence would let '+name'
            // edits from several sections or files pile up where the Roslyn front end sees only the last one.
            var lastValues = pairs.GroupBy(p => p.Key.Trim(), StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
            foreach (var pair in lastValues)
            {
                var key = pair.Key.Trim().ToLowerInvariant();
                var value = pair.Value?.Trim() ?? string.Empty;
                if (key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal))
                {
                    var id = pair.Key.Trim().Substring("dotnet_diagnostic.".Length, key.Length - "dotnet_diagnostic.".Length - ".severity".Length);
                    if (!id.StartsWith("SL", StringComparison.OrdinalIgnoreCase)) continue;
                    if (SeverityNames.TryParse(value, out var severity)) options._severities[id.ToUpperInvariant()] = severity;
                    else errors.Add($"{pair.Key}: '{value}' is not a severity (none, silent, suggestion, warning, error).");
                    continue;
                }

                if (!key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
                options.Apply(key, value, errors);
            }

            options.Errors = errors;
            return options;
        }

        /// <summary>A copy with one rule's severity set, for callers that configure in code.</summary>
        public SchemaLintOptions WithSeverity(string ruleId, Severity severity)
        {
            var copy = Clone();
            copy._severities[ruleId.ToUpperInvariant()] = severity;
            return copy;
        }

        /// <summary>A copy that also excludes these entity patterns.</summary>
        public SchemaLintOptions WithExcludedEntities(params string[] patterns)
        {
            var copy = Clone();
            copy.ExcludedEntities = ExcludedEntities.Concat(patterns).ToArray();
            return copy;
        }

        /// <summary>A copy that reports (or skips) findings about what packages declare.</summary>
        public SchemaLintOptions WithPackageEntities(bool include)
        {
            var copy = Clone();
            copy.IncludePackageEntities = include;
            return copy;
        }

        /// <summary>A copy with the provider forced.</summary>
        public SchemaLintOptions WithProvider(DatabaseProvider? provider)
        {
            var copy = Clone();
            copy.Provider = provider;
            return copy;
        }

        public bool IsExcluded(EntityTypeModel entity)
        {
            if (ExcludedEntities.Count > 0 && ExcludedEntities.Any(p => Wildcard.IsMatch(p, entity.Name) || Wildcard.IsMatch(p, entity.ShortName))) return true;
            if (ExcludedTables.Count > 0 && entity.TableName is not null)
            {
                var qualified = entity.Schema is null ? entity.TableName : entity.Schema + "." + entity.TableName;
                if (ExcludedTables.Any(p => Wildcard.IsMatch(p, entity.TableName) || Wildcard.IsMatch(p, qualified))) return true;
            }

            return false;
        }

        public bool IsExcludedEntityName(string? entityName) =>
            entityName is not null && ExcludedEntities.Any(p => Wildcard.IsMatch(p, entityName) || Wildcard.IsMatch(p, EntityTypeModel.ShortNameOf(entityName)));

        private SchemaLintOptions Clone()
        {
            var copy = (SchemaLintOptions)MemberwiseClone();
            copy._severities = new Dictionary<string, Severity>(_severities, StringComparer.OrdinalIgnoreCase);
            return copy;
        }

        private void Apply(string key, string value, List<string> errors)
        {
            switch (key)
            {
                case Keys.MoneyNames: MoneyNames = MoneyNames.With(value, false, errors, key); break;
                case Keys.LongTextNames: LongTextNames = LongTextNames.With(value, false, errors, key); break;
                case Keys.ShortTextNames: ShortTextNames = ShortTextNames.With(value, true, errors, key); break;
                case Keys.RequiredNames: RequiredNames = RequiredNames.With(value, false, errors, key); break;
                case Keys.UniqueNames: UniqueNames = UniqueNames.With(value, false, errors, key); break;
                case Keys.StatusNames: StatusNames = StatusNames.With(value, false, errors, key); break;
                case Keys.QuantityNames: QuantityNames = QuantityNames.With(value, false, errors, key); break;
                case Keys.CreatedNames: CreatedNames = CreatedNames.With(value, false, errors, key); break;
                case Keys.UpdatedNames: UpdatedNames = UpdatedNames.With(value, false, errors, key); break;
                case Keys.AppendOnlyNames: AppendOnlyNames = AppendOnlyNames.With(value, false, errors, key); break;
                case Keys.IdentityUniqueNames: IdentityUniqueNames = IdentityUniqueNames.With(value, false, errors, key); break;
                case Keys.IdentityEntityNames: IdentityEntityNames = IdentityEntityNames.With(value, false, errors, key); break;
                case Keys.SignedNames: SignedNames = SignedNames.With(value, false, errors, key); break;
                case Keys.LongTextThreshold:
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold) && threshold > 0) LongTextThreshold = threshold;
                    else errors.Add($"{key}: '{value}' is not a positive whole number.");
                    break;
                case Keys.Provider:
                    if (TryParseProvider(value, out var provider)) Provider = provider;
                    else errors.Add($"{key}: '{value}' is not a provider (postgresql, sqlserver, sqlite, mysql, unknown).");
                    break;
                case Keys.ExcludeEntities: ExcludedEntities = SplitList(value); break;
                case Keys.ExcludeTables: ExcludedTables = SplitList(value); break;
                case Keys.ScopedModelBuilders: ScopedModelBuilders = SplitList(value); break;
                case Keys.MigrationsReviewedBefore:
                    var id = value.Trim();
                    if (id.Length > 0 && char.IsDigit(id[0])) MigrationsReviewedBefore = id;
                    else errors.Add($"{key}: '{value}' is not a migration id (for example 20240101000000_AddEmail, or a timestamp prefix such as 20240101).");
                    break;
                case Keys.IncludePackageEntities:
                    if (bool.TryParse(value, out var include)) IncludePackageEntities = include;
                    else errors.Add($"{key}: '{value}' is not true or false.");
                    break;
                case Keys.Baseline:
                    if (value.Length > 0) BaselinePath = value;
                    else errors.Add($"{key}: '' is not a path; give the baseline file, as in {key} = {Baseline.BaselineFile.DefaultFileName}, or remove the line.");
                    break;
                default: errors.Add($"{key}: unknown SchemaLint option (known: {string.Join(", ", Keys.All)})."); break;
            }
        }

        public static bool TryParseProvider(string value, out DatabaseProvider? provider)
        {
            switch (NameVocabulary.Normalize(value))
            {
                case "postgresql": case "postgres": case "npgsql": provider = DatabaseProvider.PostgreSql; return true;
                case "sqlserver": case "mssql": case "azuresql": provider = DatabaseProvider.SqlServer; return true;
                case "sqlite": provider = DatabaseProvider.Sqlite; return true;
                case "mysql": case "mariadb": provider = DatabaseProvider.MySql; return true;
                case "unknown": case "auto": case "": provider = null; return true;
                default: provider = null; return false;
            }
        }

        private static string[] SplitList(string value) =>
            value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

        private static KeyValuePair<string, int?> Entry(string name, int length) => new KeyValuePair<string, int?>(name, length);
    }

    internal static class Wildcard
    {
        /// <summary>Case-insensitive match where <c>*</c> stands for any run of characters.</summary>
        public static bool IsMatch(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, mark = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] != '*' && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])) { p++; t++; }
                else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
                else if (star >= 0) { p = star + 1; t = ++mark; }
                else return false;
            }

            while (p < pattern.Length && pattern[p] == '*') p++;
            return p == pattern.Length;
        }
    }
}
