using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;
using SchemaLint.Core.Tests.Building;

namespace SchemaLint.Core.Tests.Engine;

/// <summary>
/// After an edit, the analyzers hand the engine the new model with every entity type the edit left alone kept as the same
/// object. The engine judges again only the entity types whose neighbourhood changed, and must find exactly what a fresh
/// run finds: these specifications edit each kind of neighbour and compare.
/// </summary>
public class AnalyzeEditedTests
{
    /// <summary>The facts the edits below switch on and off, each on the entity types it names.</summary>
    private static readonly (string Edit, string[] Entities)[] Edits =
    {
        ("product without sku", new[] { "Product" }),
        ("animal hierarchy as TPT", new[] { "Animal", "Dog" }),
        ("address with updated timestamp", new[] { "Address" }),
        ("user email unique", new[] { "User" }),
        ("order line product id indexed", new[] { "OrderLine" }),
        ("dog tagged as oblivious", new[] { "Dog" }),
        ("user keyless", new[] { "User" }),
        ("category in the order table", new[] { "Category" }),
        ("product based on catalog item", new[] { "Product" }),
        ("catalog item with sku", new[] { "CatalogItem" }),
        ("order line with user id", new[] { "OrderLine" }),
        ("user keyed by guid", new[] { "User" }),
        ("order line cascades from user and order", new[] { "OrderLine" }),
    };

    /// <summary>
    /// A shop: a user, products whose Sku order lines copy, a TPH hierarchy whose derived type has a flag and a required-looking
    /// name, an order whose owned address shares its table, a category; each edit switched on changes one fact of it.
    /// </summary>
    private static SchemaModel Shop(params string[] edits)
    {
        bool On(string edit) => edits.Contains(edit);
        return Schema.SqlServer().FromSource()
            .Entity("User", e =>
            {
                if (On("user keyed by guid")) e.Property<Guid>("Id");
                e.Property<string>("Email", p => p.Required().MaxLength(254)).Property<string>("Name", p => p.Required().MaxLength(100)).At(1);
                if (On("user keyless")) e.Keyless();
                else e.Key("Id");
                if (On("user email unique")) e.UniqueIndex("Email");
            })
            .Entity("CatalogItem", e =>
            {
                e.Key("Id").Property<string>("Title", p => p.Required()).At(10);
                if (On("catalog item with sku")) e.Property<string>("Sku", p => p.Required().MaxLength(32));
            })
            .Entity("Product", e =>
            {
                e.Key("Id").Property<double>("Price").At(20);
                if (!On("product without sku")) e.Property<string>("Sku", p => p.Required().MaxLength(32));
                if (On("product based on catalog item")) e.Entity.BaseTypeName = "CatalogItem";
            })
            .Entity("OrderLine", e =>
            {
                e.Key("Id").Property<string>("Sku", p => p.Required().MaxLength(32)).Property<int>("Quantity").ForeignKey("ProductId", "Product").At(30);
                if (On("order line product id indexed")) e.Index("ProductId");
                if (On("order line with user id")) e.Property<int>("UserId");
                if (On("order line cascades from user and order"))
                {
                    e.ForeignKey("OrderId", "Order", f => f.Required().OnDelete(DeleteBehaviorKind.Cascade))
                        .ForeignKey("BuyerId", "User", f => f.Required().OnDelete(DeleteBehaviorKind.Cascade));
                }
            })
            .Entity("Animal", e =>
            {
                e.Key("Id").Property<string>("Name", p => p.MaxLength(50)).CreatedAt().At(40);
                if (On("animal hierarchy as TPT")) e.Tpt();
                else e.Tph();
            })
            .Entity("Dog", e =>
            {
                e.DerivedFrom("Animal").Property<bool>("IsGoodBoy").Property<string>("Title").At(50);
                if (On("dog tagged as oblivious")) e.NullableOblivious();
            })
            .Entity("Order", e => e.Key("Id").ToTable("Orders").CreatedAt().ForeignKey("UserId", "User", f => f.Required().OnDelete(DeleteBehaviorKind.Cascade)).At(60))
            .Entity("Address", e =>
            {
                e.OwnedBy("Order").Property<string>("Street", p => p.Required().MaxLength(200)).At(70);
                if (On("address with updated timestamp")) e.UpdatedAt();
            })
            .Entity("Category", e =>
            {
                e.Key("Id").Property<string>("Name", p => p.Required().MaxLength(80)).UpdatedAt().At(80);
                if (On("category in the order table")) e.ToTable("Orders");
            })
            .Build();
    }

    /// <summary>
    /// <paramref name="before"/> as an analyzer would see it after the edit: every entity type the edit touched is taken from
    /// <paramref name="after"/>, every other one is the same object as before.
    /// </summary>
    private static SchemaModel Edited(SchemaModel before, SchemaModel after, IEnumerable<string> touched) =>
        before.WithEntitiesReplaced(touched.Distinct().ToDictionary(name => before.FindEntity(name)!, name => after.FindEntity(name)!));

    private static IEnumerable<string> Touched(params string[] edits) => Edits.Where(e => edits.Contains(e.Edit)).SelectMany(e => e.Entities);

    private static List<string> Described(IEnumerable<Finding> findings) => findings.Select(f => $"{f} {f.Location?.Line}").ToList();

    public static TheoryData<string> EachEdit()
    {
        var data = new TheoryData<string>();
        foreach (var (edit, _) in Edits) data.Add(edit);
        return data;
    }

    [Theory]
    [MemberData(nameof(EachEdit))]
    public void Switching_a_fact_on_finds_what_a_fresh_run_finds(string edit)
    {
        var engine = SchemaLintEngine.Default;
        var before = Shop();
        var edited = Edited(before, Shop(edit), Touched(edit));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.Equal(Described(engine.Analyze(edited)), Described(again.All));
    }

    [Theory]
    [MemberData(nameof(EachEdit))]
    public void Switching_a_fact_off_finds_what_a_fresh_run_finds(string edit)
    {
        var engine = SchemaLintEngine.Default;
        var all = Edits.Select(e => e.Edit).Where(e => e is not "user keyless").ToArray();
        var before = Shop(all);
        var rest = all.Where(e => e != edit).ToArray();
        var edited = Edited(before, Shop(rest), Touched(edit));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.Equal(Described(engine.Analyze(edited)), Described(again.All));
    }

    [Fact]
    public void Every_pair_of_edits_made_in_turn_finds_what_a_fresh_run_finds()
    {
        // Each edit analysed from the findings of the one before, as keystrokes are: kept findings must survive a second edit.
        var engine = SchemaLintEngine.Default;
        foreach (var (first, _) in Edits)
        {
            foreach (var (second, _) in Edits.Where(e => e.Edit != first))
            {
                var before = Shop();
                var once = Edited(before, Shop(first), Touched(first));
                var onceFound = engine.AnalyzeEdited(once, engine.AnalyzeByRule(before));
                var twice = Edited(once, Shop(first, second), Touched(second));

                var again = engine.AnalyzeEdited(twice, onceFound);

                Assert.Equal(Described(engine.Analyze(twice)), Described(again.All));
            }
        }
    }

    [Fact]
    public void A_principal_edited_changes_what_is_found_about_its_dependents()
    {
        // OrderLine.Sku copies Product.Sku; once Product has none, OrderLine's own Sku wants a unique index.
        var engine = SchemaLintEngine.Default;
        var before = Shop();
        var edited = Edited(before, Shop("product without sku"), Touched("product without sku"));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.DoesNotContain(engine.Analyze(before), f => f.RuleId == RuleIds.UniqueCandidateWithoutIndex && f.EntityName == "OrderLine");
        Assert.Contains(again.All, f => f.RuleId == RuleIds.UniqueCandidateWithoutIndex && f.EntityName == "OrderLine" && f.MemberName == "Sku");
    }

    [Fact]
    public void A_principal_named_by_its_short_name_edited_changes_what_is_found_about_its_dependents()
    {
        // The relationship names its principal "Product"; the model knows it as "Shop.Product", which that name finds.
        static SchemaModel Catalog(bool productHasSku) => Schema.SqlServer().FromSource()
            .Entity("Shop.Product", e =>
            {
                e.Key("Id").At(20);
                if (productHasSku) e.Property<string>("Sku", p => p.Required().MaxLength(32));
            })
            .Entity("Shop.OrderLine", e => e.Key("Id").Property<string>("Sku", p => p.Required().MaxLength(32)).ForeignKey("ProductId", "Product").At(30))
            .Build();
        var engine = SchemaLintEngine.Default;
        var before = Catalog(productHasSku: true);
        var edited = Edited(before, Catalog(productHasSku: false), new[] { "Shop.Product" });

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.Equal(Described(engine.Analyze(edited)), Described(again.All));
        Assert.NotEqual(Described(engine.Analyze(before)), Described(again.All));
    }

    [Fact]
    public void A_base_type_edited_changes_what_is_found_about_its_derived_types()
    {
        // Under TPH, Dog's flag lives in its root's table, where a default is no one column's concern; under TPT it is Dog's own.
        var engine = SchemaLintEngine.Default;
        var before = Shop();
        var edited = Edited(before, Shop("animal hierarchy as TPT"), new[] { "Animal" });

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.DoesNotContain(engine.Analyze(before), f => f.RuleId == RuleIds.NoDatabaseDefault && f.EntityName == "Dog");
        Assert.Contains(again.All, f => f.RuleId == RuleIds.NoDatabaseDefault && f.EntityName == "Dog" && f.MemberName == "IsGoodBoy");
    }

    [Fact]
    public void An_entity_type_stored_in_the_same_table_edited_changes_what_is_found_about_the_table()
    {
        // The owned address shares the Orders table: its updated timestamp is the table's.
        var engine = SchemaLintEngine.Default;
        var before = Shop();
        var edited = Edited(before, Shop("address with updated timestamp"), Touched("address with updated timestamp"));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.Contains(engine.Analyze(before), f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
        Assert.DoesNotContain(again.All, f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
    }

    [Fact]
    public void An_entity_type_leaving_a_table_changes_what_is_found_about_the_table_it_left()
    {
        // While Category shares the Orders table, its UpdatedAt is the table's; once it has a table of its own, Orders has none.
        var engine = SchemaLintEngine.Default;
        var before = Shop("category in the order table");
        var edited = Edited(before, Shop(), Touched("category in the order table"));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.DoesNotContain(engine.Analyze(before), f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
        Assert.Contains(again.All, f => f.RuleId == RuleIds.MissingTimestamps && f.EntityName == "Order");
    }

    [Fact]
    public void An_edit_judges_again_only_the_entity_types_whose_neighbourhood_it_changed()
    {
        // Product is OrderLine's principal; nothing else reads it.
        var judged = new JudgedRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { judged });
        var before = Shop();
        var first = engine.AnalyzeByRule(before);
        judged.Entities.Clear();

        engine.AnalyzeEdited(Edited(before, Shop("product without sku"), Touched("product without sku")), first);

        Assert.Equal(new[] { "OrderLine", "Product" }, judged.Entities.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void A_model_left_as_it_was_judges_nothing_again()
    {
        var judged = new JudgedRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { judged });
        var model = Shop();
        var first = engine.AnalyzeByRule(model);
        judged.Entities.Clear();

        var again = engine.AnalyzeEdited(model, first);

        Assert.Empty(judged.Entities);
        Assert.Equal(Described(first.All), Described(again.All));
    }

    [Fact]
    public void A_whole_model_rule_keeps_its_findings_after_an_edit_that_leaves_what_it_reads_alone()
    {
        // Two cascade paths from User to OrderLine; making User's email unique changes nothing a cascade path reads.
        var engine = SchemaLintEngine.Default;
        var before = Shop("order line cascades from user and order");
        var first = engine.AnalyzeByRule(before);
        var edited = Edited(before, Shop("order line cascades from user and order", "user email unique"), Touched("user email unique"));

        var again = engine.AnalyzeEdited(edited, first);

        var found = Assert.Single(first.All, f => f.RuleId == RuleIds.MultipleCascadePaths);
        Assert.Same(found, Assert.Single(again.All, f => f.RuleId == RuleIds.MultipleCascadePaths));
    }

    [Fact]
    public void A_whole_model_rule_that_names_what_it_reads_runs_again_when_an_edit_changes_it()
    {
        var counting = new TableReadingModelRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { counting });
        var before = Shop();
        var first = engine.AnalyzeByRule(before);

        engine.AnalyzeEdited(Edited(before, Shop("user email unique"), Touched("user email unique")), first);
        Assert.Equal(1, counting.Runs);

        engine.AnalyzeEdited(Edited(before, Shop("category in the order table"), Touched("category in the order table")), first);
        Assert.Equal(2, counting.Runs);
    }

    [Fact]
    public void An_entity_rule_reading_beyond_the_neighbourhood_judges_every_entity_type_again_when_an_edit_changes_what_it_reads_there()
    {
        var judged = new TableReadingEntityRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { judged });
        var before = Shop();
        var first = engine.AnalyzeByRule(before);
        judged.Entities.Clear();

        engine.AnalyzeEdited(Edited(before, Shop("category in the order table"), Touched("category in the order table")), first);

        Assert.Equal(before.Entities.Count, judged.Entities.Count);
    }

    [Fact]
    public void A_key_of_another_type_changes_what_is_found_about_the_properties_that_name_it()
    {
        // OrderLine.UserId spells out User's key: an int beside an int key lacks a constraint, beside a Guid key it names nothing.
        var engine = SchemaLintEngine.Default;
        var before = Shop("order line with user id");
        var edited = Edited(before, Shop("order line with user id", "user keyed by guid"), Touched("user keyed by guid"));

        var again = engine.AnalyzeEdited(edited, engine.AnalyzeByRule(before));

        Assert.Contains(engine.Analyze(before), f => f.RuleId == RuleIds.MissingForeignKeyConstraint && f.EntityName == "OrderLine");
        Assert.DoesNotContain(again.All, f => f.RuleId == RuleIds.MissingForeignKeyConstraint && f.EntityName == "OrderLine");
    }

    [Fact]
    public void Rules_that_read_the_whole_model_run_again_after_every_edit()
    {
        var counting = new ModelRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { counting });
        var model = Shop();
        var first = engine.AnalyzeByRule(model);

        engine.AnalyzeEdited(model, first);

        Assert.Equal(2, counting.Runs);
    }

    [Fact]
    public void An_entity_type_added_judges_every_entity_type_again()
    {
        var judged = new JudgedRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { judged });
        var before = Shop();
        var first = engine.AnalyzeByRule(before);
        judged.Entities.Clear();
        var after = Shop();
        after.AddEntity(new EntityTypeModel("Coupon"));

        engine.AnalyzeEdited(after, first);

        Assert.Equal(after.Entities.Count, judged.Entities.Count);
    }

    [Fact]
    public void Options_that_configure_something_else_judge_every_entity_type_again()
    {
        // "price" is no longer money: the kept findings about Product.Price would be wrong.
        var engine = SchemaLintEngine.Default;
        var model = Shop();
        var first = engine.AnalyzeByRule(model);
        var options = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>(SchemaLintOptions.Keys.MoneyNames, "-price") });

        var again = engine.AnalyzeEdited(model, first, options);

        Assert.Contains(first.All, f => f.RuleId == RuleIds.MoneyAsFloatingPoint && f.EntityName == "Product");
        Assert.DoesNotContain(again.All, f => f.RuleId == RuleIds.MoneyAsFloatingPoint && f.EntityName == "Product");
        Assert.Equal(Described(engine.Analyze(model, options)), Described(again.All));
    }

    [Fact]
    public void Options_read_again_to_the_same_settings_keep_the_findings()
    {
        var judged = new JudgedRule();
        var engine = new SchemaLintEngine(new SchemaRule[] { judged });
        var model = Shop();
        var pairs = new[] { new KeyValuePair<string, string>(SchemaLintOptions.Keys.MoneyNames, "+fee") };
        var first = engine.AnalyzeByRule(model, SchemaLintOptions.FromKeyValues(pairs));
        judged.Entities.Clear();

        engine.AnalyzeEdited(model, first, SchemaLintOptions.FromKeyValues(pairs));

        Assert.Empty(judged.Entities);
    }

    [Fact]
    public void Another_provider_judges_every_entity_type_again()
    {
        var engine = SchemaLintEngine.Default;
        var before = Shop();
        var first = engine.AnalyzeByRule(before);
        var after = before.WithEntitiesReplaced(new Dictionary<EntityTypeModel, EntityTypeModel>());
        after.Provider = DatabaseProvider.Sqlite;

        var again = engine.AnalyzeEdited(after, first);

        Assert.Equal(Described(engine.Analyze(after)), Described(again.All));
        Assert.NotEqual(Described(first.All), Described(again.All));
    }

    [Fact]
    public void An_entity_rule_reporting_about_another_entity_type_is_refused()
    {
        var engine = new SchemaLintEngine(new SchemaRule[] { new StrayRule() });

        var refused = Assert.Throws<InvalidOperationException>(() => engine.Analyze(Shop()));

        Assert.Contains("may report only about it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_of_another_engine_are_refused()
    {
        var first = SchemaLintEngine.Default.AnalyzeByRule(Shop());

        Assert.Throws<ArgumentException>(() => new SchemaLintEngine(RuleCatalog.Rules).AnalyzeEdited(Shop(), first));
    }

    [Fact]
    public void The_model_settings_compared_and_those_left_out_cover_every_property_of_a_model()
    {
        var properties = typeof(SchemaModel).GetProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(properties, EditedNeighbourhoods.ModelSettings.Keys.Concat(EditedNeighbourhoods.NotCompared.Keys).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_that_reads_one_entity_type_at_a_time_is_an_entity_rule()
    {
        // The rules that read the whole model run again after every edit, unless they name what they read of each entity
        // type (SL1006); a rule added later is one or the other on purpose.
        var wholeModel = RuleCatalog.Rules.Where(r => r is not EntityRule && !r.Descriptor.RequiresDatabase && !r.Descriptor.RequiresMigrations)
            .Select(r => r.Descriptor.Id).OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(new[] { RuleIds.MultipleCascadePaths, RuleIds.LocalTimeInTimestamp, RuleIds.EnsureCreatedOutsideTests, RuleIds.DbContextNotDisposed }
            .OrderBy(id => id, StringComparer.Ordinal), wholeModel);
    }

    /// <summary>Records the entity types it judges.</summary>
    private sealed class JudgedRule : EntityRule
    {
        public List<string> Entities { get; } = new();

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9003", "Judged", "{0}", RuleCategories.Integrity, Severity.Warning, "Records what it judges.");

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity) => Entities.Add(entity.Name);
    }

    /// <summary>Reads every entity type's table name, and says so; counts its runs.</summary>
    private sealed class TableReadingModelRule : SchemaRule
    {
        public int Runs { get; private set; }

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9006", "Tables", "{0}", RuleCategories.Integrity, Severity.Warning, "Counts its runs.");

        internal override bool NamesFactsRead => true;

        internal override string FactsReadOf(ModelIndex index, EntityTypeModel entity) => entity.TableName ?? string.Empty;

        public override void Analyze(RuleContext context) => Runs++;
    }

    /// <summary>Judges one entity type at a time, reading every entity type's table name besides; records what it judges.</summary>
    private sealed class TableReadingEntityRule : EntityRule
    {
        public List<string> Entities { get; } = new();

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9007", "Judged with tables", "{0}", RuleCategories.Integrity, Severity.Warning, "Records what it judges.");

        internal override string FactsReadOf(ModelIndex index, EntityTypeModel entity) => entity.TableName ?? string.Empty;

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity) => Entities.Add(entity.Name);
    }

    private sealed class ModelRule : SchemaRule
    {
        public int Runs { get; private set; }

        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9004", "Whole model", "{0}", RuleCategories.Integrity, Severity.Warning, "Counts its runs.");

        public override void Analyze(RuleContext context) => Runs++;
    }

    /// <summary>Reports about the model's first entity type whatever it judges: what an entity rule must not do.</summary>
    private sealed class StrayRule : EntityRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new RuleDescriptor("SL9005", "Stray", "{0}", RuleCategories.Integrity, Severity.Warning, "Reports about the wrong entity type.");

        public override void AnalyzeEntity(RuleContext context, EntityTypeModel entity) =>
            context.Report(context.Model.Entities[0], null, null, "stray");
    }
}
