using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// Every extraction that can ask the snapshot before's record of pieces makes a rebuild plan: the entity types its edit
/// can have changed, told from what each was made from (declarations taken over or not, pieces the edit reaches), and their
/// neighbours, in rounds while a rebuilt one differs. Nothing is skipped yet; every edit the suites make checks that each
/// entity type a plan keeps came out as its record (<see cref="SearchCheck"/>), and builds its model with the kept ones
/// taken from their records. These specifications say what a plan rebuilds and what a build from records starts from.
/// </summary>
public sealed class RebuildPlanTests
{
    private const string OrderConfiguration = RuleVerifier.Usings + """
        public class OrderConfiguration : IEntityTypeConfiguration<Order>
        {
            public void Configure(EntityTypeBuilder<Order> builder) => builder.HasIndex(o => o.CustomerId);
        }
        """;

    private const string InvoiceDate = "public DateTime CreatedAt { get; set; }";

    /// <summary>Order and Customer (related), Product and Invoice; Order and Product configured by classes the context applies.</summary>
    private static Compilation Shop() =>
        Analyzed(ShopSources.ConfiguredContext, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, OrderConfiguration).Compilation;

    /// <summary>The shop after a first edit, whose extraction recorded the pieces the next one plans by.</summary>
    private static Compilation Recorded() => Analysed(Shop(), 4, InvoiceDate, InvoiceDate + "\n    public int Number { get; set; }");

    private static Compilation Analysed(Compilation compilation, int source, string find, string replacement)
    {
        var edited = Edit(compilation, source, find, replacement);
        Schema(edited);
        return edited;
    }

    private static RebuildPlans Plans(Compilation compilation) => SchemaCache.PlansFor(compilation.SyntaxTrees.First());

    [Fact]
    public void The_first_edit_after_a_project_is_opened_makes_no_plan()
    {
        var compilation = Recorded();

        Assert.Equal(0, Plans(compilation).Made);
    }

    [Fact]
    public void A_property_added_to_an_entity_type_nothing_relates_to_rebuilds_it_alone()
    {
        var compilation = Analysed(Recorded(), 4, InvoiceDate, InvoiceDate + "\n    public int Copies { get; set; }");

        var plans = Plans(compilation);
        Assert.Equal((1, 1, 1), (plans.Made, plans.Compared, plans.OneRound));
        Assert.Equal((3, 1), (plans.Kept, plans.Rebuilt));
    }

    [Fact]
    public void An_edit_to_a_configuration_class_rebuilds_its_entity_type_and_that_type_s_neighbours()
    {
        var compilation = Analysed(Recorded(), 7, "builder.HasIndex(o => o.CustomerId);", "builder.HasIndex(o => o.CustomerId).IsUnique();");

        // Order, which the class configures, and Customer, Order's principal; Product and Invoice are kept.
        var plans = Plans(compilation);
        Assert.Equal(1, plans.OneRound);
        Assert.Equal((2, 2), (plans.Kept, plans.Rebuilt));
    }

    [Fact]
    public void An_edit_to_OnModelCreating_rebuilds_every_entity_type_it_reaches()
    {
        var compilation = Analysed(Recorded(), 0, "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Entity<Invoice>().Property(i => i.Number).HasDefaultValue(1);");

        // The method is one piece: it applied the configuration classes of Order and Product, and now configures Invoice;
        // Customer is Order's neighbour.
        var plans = Plans(compilation);
        Assert.Equal((0, 4), (plans.Kept, plans.Rebuilt));
    }

    [Fact]
    public void A_set_added_after_the_others_leaves_the_entity_types_the_others_expose_kept()
    {
        // Customer reached through Order's navigation, until a set of its own is added after the others. (OnModelCreating
        // comes first: an edit above it moves what it states, which rebuilds what it reaches.)
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);

                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }
            """;
        var (opened, _) = Analyzed(context, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, OrderConfiguration);
        var recorded = Analysed(opened, 4, InvoiceDate, InvoiceDate + "\n    public int Number { get; set; }");

        var compilation = Analysed(recorded, 0, "public DbSet<Invoice> Invoices => Set<Invoice>();",
            "public DbSet<Invoice> Invoices => Set<Invoice>();\n    public DbSet<Customer> Customers => Set<Customer>();");

        // Customer, now named by its set, and Order, its neighbour, are rebuilt; Product and Invoice keep their sets.
        var plans = Plans(compilation);
        Assert.Equal((2, 2), (plans.Kept, plans.Rebuilt));
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }

    [Fact]
    public void An_entity_type_the_plan_keeps_comes_out_of_reading_as_its_record_of_what_was_read_says()
    {
        var compilation = Analysed(Recorded(), 4, InvoiceDate, InvoiceDate + "\n    public int Copies { get; set; }");

        // Order, Customer and Product are kept, each checked against the record of its draft before the conventions.
        var plans = Plans(compilation);
        Assert.Equal((3, 3), (plans.Kept, plans.KeptAsRead));
    }

    [Fact]
    public void Pieces_the_edit_cannot_reach_and_whose_entity_types_are_kept_are_taken_from_the_record()
    {
        var compilation = Analysed(Recorded(), 4, InvoiceDate, InvoiceDate + "\n    public int Copies { get; set; }");

        // OnModelCreating (applying the classes to Order and Product), ConfigureConventions, and the two classes: the edit
        // reaches none of them, and none reaches Invoice, the one entity type rebuilt.
        Assert.Equal(4, Plans(compilation).PiecesTaken);
    }

    [Fact]
    public void A_piece_relating_its_entity_type_through_a_member_whose_type_changed_is_read_again_though_the_edit_cannot_reach_its_code()
    {
        const string orderConfiguration = RuleVerifier.Usings + """
            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder) => builder.HasOne(o => o.Client).WithMany();
            }
            """;
        const string order = RuleVerifier.Usings + """
            public class Order
            {
                public int Id { get; set; }
                public Customer Client { get; set; } = null!;
            }
            """;
        const string buyer = RuleVerifier.Usings + """
            public class Buyer
            {
                public int Id { get; set; }
            }
            """;
        var (opened, _) = Analyzed(ShopSources.ConfiguredContext, order, ShopSources.Customer.Replace("public List<Order> Orders { get; set; } = new();", ""),
            ShopSources.TitledProduct, ShopSources.Invoice, ShopSources.ProductConfiguration, ShopSources.Limits, orderConfiguration, buyer);
        var recorded = Analysed(opened, 4, InvoiceDate, InvoiceDate + "\n    public int Number { get; set; }");

        var compilation = Analysed(recorded, 1, "public Customer Client", "public Buyer Client");

        // No code the class read changed (the lambda's member is taken from Order's declarations), yet it now relates Order
        // to Buyer: taken from the record, it would still name Customer. It reaches Order, which the edit rebuilds with
        // Customer and Buyer, so it is read again, as is OnModelCreating, which applies it to Order; ConfigureConventions
        // and Product's class are taken. (The navigation is not named like its type: a member named Customer changing reads
        // again every declaration spelling the name, the context's DbSet<Customer> among them, and rebuilds everything.)
        Assert.Equal(4, SchemaCache.PiecesPredictedUnreachedFor(compilation.SyntaxTrees.First()));
        var plans = Plans(compilation);
        Assert.Equal((2, 3, 2), (plans.Kept, plans.Rebuilt, plans.PiecesTaken));
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }

    [Fact]
    public void A_key_type_changed_on_an_owner_rebuilds_what_its_owned_types_own_in_a_second_round()
    {
        var compilation = KeyTypeChangedOnAnOwner();

        // Order's key is the shadow key of Address, Order's neighbour, and through it of Position, which only the second
        // round reaches; Product is kept.
        var plans = Plans(compilation);
        Assert.Equal((1, 0), (plans.Compared, plans.OneRound));
        Assert.Equal((1, 3), (plans.Kept, plans.Rebuilt));
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }

    [Fact]
    public void A_plan_settled_in_one_round_rebuilds_only_what_it_named_before_reading()
    {
        var compilation = Analysed(Recorded(), 7, "builder.HasIndex(o => o.CustomerId);", "builder.HasIndex(o => o.CustomerId).IsUnique();");

        // Order, whose configuration class the edit reaches, and Customer, Order's neighbour in the record.
        Assert.Equal(1, Plans(compilation).WithinCandidates);
    }

    [Fact]
    public void A_second_round_rebuilds_beyond_what_the_plan_named_before_reading()
    {
        var compilation = KeyTypeChangedOnAnOwner();

        // Before reading, the plan names Order and its neighbour Address; Position, which Address owns, comes only in the
        // second round: a build that skipped from the names it had before reading would have to start again.
        Assert.Equal(0, Plans(compilation).WithinCandidates);
    }

    [Fact]
    public void A_plan_that_rebuilds_beyond_what_it_named_before_reading_builds_nothing_from_the_record()
    {
        var compilation = KeyTypeChangedOnAnOwner();

        // Product is kept, but a build that skipped from what it knew before reading would have started again.
        var plans = Plans(compilation);
        Assert.Equal((1, 0), (plans.Kept, plans.BuiltFromRecord));
    }

    /// <summary>Order owns an Address owning a Position; Order's key type changes.</summary>
    private static Compilation KeyTypeChangedOnAnOwner()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Product> Products => Set<Product>();
            }
            """;
        const string order = RuleVerifier.Usings + """
            public class Order
            {
                public int Id { get; set; }
                public Address Shipping { get; set; } = null!;
            }
            """;

        // In a file of their own: an edit reads again every type declared in the file it edits.
        const string owned = RuleVerifier.Usings + """
            [Owned]
            public class Address
            {
                public string Street { get; set; } = "";
                public Position Point { get; set; } = null!;
            }

            [Owned]
            public class Position
            {
                public double Latitude { get; set; }
            }
            """;
        const string product = RuleVerifier.Usings + """
            public class Product
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }
            """;
        var (opened, _) = Analyzed(context, order, product, owned);
        var recorded = Analysed(opened, 2, "public string Name", "public string Title");

        return Analysed(recorded, 1, "public int Id", "public long Id");
    }

    private const string BlogContext = RuleVerifier.Usings + """
        public class BlogContext : DbContext
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.ApplyConfigurationsFromAssembly(typeof(BlogContext).Assembly);

            public DbSet<Blog> Blogs => Set<Blog>();
            public DbSet<Tag> Tags => Set<Tag>();
        }
        """;

    private const string Blog = RuleVerifier.Usings + """
        public class Blog
        {
            public int Id { get; set; }
            public List<Post> Posts { get; set; } = new();
        }
        """;

    private const string TagLabel = "public string Label { get; set; } = \"\";";

    private const string Tag = RuleVerifier.Usings + """
        public class Tag
        {
            public int Id { get; set; }
            public string Label { get; set; } = "";
        }
        """;

    /// <summary>A post whose foreign key to its blog is a shadow property the conventions add.</summary>
    private const string PostWithShadowKey = RuleVerifier.Usings + """
        public class Post
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
        }
        """;

    /// <summary>The blog after a first edit to Tag, whose extraction recorded what the next one plans and builds from.</summary>
    private static Compilation RecordedBlog(string post, string? postConfiguration = null)
    {
        var sources = new List<string> { BlogContext, Blog, post, Tag };
        if (postConfiguration is not null) sources.Add(postConfiguration);
        var (opened, _) = Analyzed(sources.ToArray());
        return Analysed(opened, 3, TagLabel, TagLabel + "\n    public int Rank { get; set; }");
    }

    [Fact]
    public void A_model_edit_that_keeps_entity_types_builds_its_model_from_their_records()
    {

        var compilation = Analysed(RecordedBlog(PostWithShadowKey), 3, TagLabel, TagLabel + "\n    public int Weight { get; set; }");

        // Blog and Post are kept, taken from the records of what reading made of them; Tag is rebuilt.
        var plans = Plans(compilation);
        Assert.Equal((2, 1, 1), (plans.Kept, plans.Rebuilt, plans.BuiltFromRecord));
        Assert.Equal(2, plans.EntityTypesFromRecord);
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }

    [Fact]
    public void A_record_the_conventions_built_from_is_as_read_for_the_edit_after()
    {
        // A kept entity type's record of what was read serves every edit that keeps it. Post's foreign key to Blog is a
        // shadow property the conventions add: had they built from the record itself rather than a copy, the record would
        // hold the key, and the next edit's kept Post would differ from it.
        var built = Analysed(RecordedBlog(PostWithShadowKey), 3, TagLabel, TagLabel + "\n    public int Weight { get; set; }");

        var compilation = Analysed(built, 3, TagLabel, TagLabel + "\n    public int Votes { get; set; }");

        var plans = Plans(compilation);
        Assert.Equal((2, 2, 1), (plans.Kept, plans.KeptAsRead, plans.BuiltFromRecord));
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }

    [Fact]
    public void A_relationship_a_piece_taken_from_the_record_states_relates_this_snapshot_s_drafts()
    {
        const string post = RuleVerifier.Usings + """
            public class Post
            {
                public int Id { get; set; }
                public int BlogId { get; set; }
                public Blog Blog { get; set; } = null!;
            }
            """;
        const string postConfiguration = RuleVerifier.Usings + """
            public class PostConfiguration : IEntityTypeConfiguration<Post>
            {
                public void Configure(EntityTypeBuilder<Post> builder) =>
                    builder.HasOne(p => p.Blog).WithMany(b => b.Posts).HasForeignKey(p => p.BlogId).OnDelete(DeleteBehavior.Restrict);
            }
            """;

        var compilation = Analysed(RecordedBlog(post, postConfiguration), 3, TagLabel, TagLabel + "\n    public int Weight { get; set; }");

        // The class is taken from the record with OnModelCreating and ConfigureConventions. Its relationship, recorded
        // between stand-ins for Post and Blog, must relate the model's drafts: between stand-ins, the conventions would drop
        // it and relate the two by their navigations alone, deleting in cascade.
        var plans = Plans(compilation);
        Assert.Equal((2, 3, 1), (plans.Kept, plans.PiecesTaken, plans.BuiltFromRecord));
        Assert.Equal(SchemaSnapshot.Of(Fresh(compilation), compilation), SchemaSnapshot.Of(Schema(compilation), compilation));
    }
}
