using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.Verification;

namespace SchemaLint.Analyzers.Tests.Behaviour;

using static EditedSnapshots;

/// <summary>
/// Every extraction after a project's first records, for each piece of model-building code it reads
/// (<c>OnModelCreating</c>, <c>ConfigureConventions</c>, a configuration class applied to an entity type), the files the
/// piece read or bound a member in. The next edit tells from that record, before reading a piece, whether the edit can
/// reach it: a piece whose recorded files are all still files of the new compilation reads no edited code. Every edit the
/// suites make checks that prediction (<see cref="SearchCheck"/>); these specifications say which pieces it finds unreached.
/// </summary>
public sealed class FluentPieceRecordTests
{
    // Four pieces: ConfigureConventions (no override), OnModelCreating, and the two configuration classes.
    private const int Pieces = 4;

    private const string OrderConfiguration = RuleVerifier.Usings + """
        public class OrderConfiguration : IEntityTypeConfiguration<Order>
        {
            public void Configure(EntityTypeBuilder<Order> builder) => builder.HasIndex(o => o.CustomerId);
        }
        """;

    private const string InvoiceDate = "public DateTime CreatedAt { get; set; }";
    private const string OrderKey = "public int Id { get; set; }";

    private static Compilation Shop() =>
        Analyzed(ShopSources.ConfiguredContext, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, OrderConfiguration).Compilation;

    /// <summary>The shop after a first edit (a property added to Invoice), whose extraction recorded every piece.</summary>
    private static Compilation Recorded() => AddProperty(Shop(), 4, InvoiceDate, "Number");

    /// <summary>Adds a property after <paramref name="after"/> in source <paramref name="source"/>, and analyses the result.</summary>
    private static Compilation AddProperty(Compilation compilation, int source, string after, string name) =>
        Analysed(compilation, source, after, after + $"\n    public int {name} {{ get; set; }}");

    /// <summary>Replaces text in source <paramref name="source"/>, and analyses the result through the cache.</summary>
    private static Compilation Analysed(Compilation compilation, int source, string find, string replacement)
    {
        var edited = Edit(compilation, source, find, replacement);
        Schema(edited);
        return edited;
    }

    private static int Read(Compilation compilation) => SchemaCache.PiecesReadFor(compilation.SyntaxTrees.First());

    private static int Unreached(Compilation compilation) => SchemaCache.PiecesPredictedUnreachedFor(compilation.SyntaxTrees.First());

    [Fact]
    public void A_first_extraction_records_no_pieces()
    {
        var compilation = Shop();

        Assert.Equal(0, Read(compilation));
    }

    [Fact]
    public void The_first_edit_records_every_piece_and_predicts_none_unreached()
    {
        var edited = Recorded();

        Assert.Equal(Pieces, Read(edited));
        Assert.Equal(0, Unreached(edited));
    }

    [Fact]
    public void An_edit_to_an_entity_type_no_piece_names_reaches_no_piece()
    {
        var first = Recorded();

        var second = AddProperty(first, 4, InvoiceDate, "Revision");

        Assert.Equal(Pieces, Unreached(second));
    }

    [Fact]
    public void An_edit_to_an_entity_type_leaves_the_configuration_classes_naming_its_members_in_lambdas_unreached()
    {
        var first = AddProperty(Shop(), 1, OrderKey, "Number");

        var second = AddProperty(first, 1, OrderKey, "Revision");

        // OrderConfiguration names Order.CustomerId by its lambda, as EF Core does, without binding a member: it reads as
        // before. Order's draft differs through Order's declarations, which the edit made new.
        Assert.Equal(Pieces, Unreached(second));
    }

    [Fact]
    public void Adding_ConfigureConventions_to_the_context_reaches_the_piece_that_found_none()
    {
        var first = Recorded();

        var second = Analysed(first, 0, "protected override void OnModelCreating",
            "protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>\n        configurationBuilder.Properties<string>().HaveMaxLength(200);\n\n    protected override void OnModelCreating");

        Assert.Equal(Pieces - 2, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    [Fact]
    public void A_member_renamed_that_a_configuration_class_names_in_a_lambda_leaves_the_class_unreached()
    {
        var first = Recorded();

        var second = Analysed(first, 1, "public int CustomerId", "public int BuyerId");

        // OrderConfiguration takes o.CustomerId by its name, from Order's declarations, which the edit made new.
        Assert.Equal(Pieces, Unreached(second));
    }

    [Fact]
    public void A_member_declared_elsewhere_with_a_name_a_configuration_class_binds_reaches_the_class()
    {
        var first = Recorded();

        // Limits.ProductTitle could bind to another member of that name now; nothing in the class's own file changed.
        var second = AddProperty(first, 4, InvoiceDate, "ProductTitle");

        Assert.Equal(Pieces - 1, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    [Fact]
    public void A_navigation_named_like_a_type_that_OnModelCreating_names_as_a_type_leaves_it_unreached()
    {
        var context = ShopSources.ConfiguredContext.Replace("modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Entity<Order>().ToTable(\"Orders\");");
        var (shop, _) = Analyzed(context, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, OrderConfiguration);
        var first = AddProperty(shop, 4, InvoiceDate, "Number");

        // OnModelCreating writes Order where only a type can stand (Entity<Order>()), which no member named Order binds.
        var second = Analysed(first, 4, InvoiceDate, InvoiceDate + "\n    public Order? Order { get; set; }");

        Assert.Equal(Pieces, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    [Fact]
    public void An_edit_to_a_body_after_OnModelCreating_in_the_context_leaves_it_unreached()
    {
        var first = RecordedWithContextMethods();

        // The context's options are read again (for the provider), so the model is read again too.
        var second = Analysed(first, 0, "optionsBuilder.EnableSensitiveDataLogging(false);", "optionsBuilder.EnableSensitiveDataLogging(true);");

        Assert.Equal((Pieces, Pieces, Pieces), (Read(second), SchemaCache.PiecesWithRecordFor(second.SyntaxTrees.First()), Unreached(second)));
    }

    [Fact]
    public void An_edit_to_a_body_before_OnModelCreating_in_the_context_reaches_it_as_its_calls_move()
    {
        var first = RecordedWithContextMethods();

        // OnModelCreating's code is as it was, but further down the file: the places of what it states moved with it.
        var second = Analysed(first, 0, "Database.SetCommandTimeout(30);", "Database.SetCommandTimeout(30 + 30);");

        Assert.Equal(Pieces - 1, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    /// <summary>The shop with a context that has a constructor before OnModelCreating and OnConfiguring after it, once recorded.</summary>
    private static Compilation RecordedWithContextMethods()
    {
        const string context = RuleVerifier.Usings + """
            public class ShopContext : DbContext
            {
                public ShopContext(DbContextOptions<ShopContext> options)
                    : base(options)
                {
                    Database.SetCommandTimeout(30);
                }

                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Invoice> Invoices => Set<Invoice>();

                protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Entity<Invoice>().HasIndex(i => i.CreatedAt);

                protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
                {
                    optionsBuilder.EnableSensitiveDataLogging(false);
                }
            }
            """;
        var (shop, _) = Analyzed(context, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, OrderConfiguration);
        return AddProperty(shop, 4, InvoiceDate, "Number");
    }

    [Fact]
    public void An_edit_to_a_constant_reaches_the_configuration_class_that_reads_it()
    {
        var first = Recorded();

        var second = Analysed(first, 6, "ProductTitle = 50;", "ProductTitle = 50;\n    public const int ProductCode = 12;");

        // ProductConfiguration reads Limits.ProductTitle, declared in the file edited.
        Assert.Equal(Pieces - 1, Unreached(second));
    }

    /// <summary>
    /// The shop, whose Limits has a helper below its constant, recorded by a first edit, then given a statement in the
    /// helper's body, which no model-building code reads: the schema is carried over, and no record is made.
    /// </summary>
    private static Compilation RecordedThenCarriedOver(out int carriedOver)
    {
        const string limitsWithHelper = """
            public static class Limits
            {
                public const int ProductTitle = 50;

                public static int Twice(int value)
                {
                    return value * 2;
                }
            }
            """;
        var (shop, _) = Analyzed(ShopSources.ConfiguredContext, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, limitsWithHelper, OrderConfiguration);
        var recorded = AddProperty(shop, 4, InvoiceDate, "Number");
        var carriedBefore = SchemaCache.CarryOversFor(shop.SyntaxTrees.First());
        var carried = Analysed(recorded, 6, "return value * 2;", "var doubled = value * 2;\n        return doubled;");
        carriedOver = SchemaCache.CarryOversFor(shop.SyntaxTrees.First()) - carriedBefore;
        return carried;
    }

    [Fact]
    public void An_edit_carried_over_after_the_record_still_counts_against_the_pieces_that_read_its_file()
    {
        var carried = RecordedThenCarriedOver(out var carriedOver);
        var rebuilt = Analysed(carried, 6, "ProductTitle = 50;", "ProductTitle = 60;");

        Assert.Equal(1, carriedOver);

        // The record follows the carried-over edit to the file it made (the edit lies past what the class read there), and
        // the last edit changes the constant the class reads.
        Assert.Equal(Pieces - 1, Unreached(rebuilt));
    }

    [Fact]
    public void An_edit_carried_over_past_what_the_pieces_read_in_its_file_leaves_them_unreached_by_the_next_edit()
    {
        var carried = RecordedThenCarriedOver(out var carriedOver);

        var second = AddProperty(carried, 4, InvoiceDate, "Revision");

        // ProductConfiguration read Limits.ProductTitle, above the body the carried-over edit changed.
        Assert.Equal(1, carriedOver);
        Assert.Equal(Pieces, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    [Fact]
    public void A_configuration_class_whose_own_file_had_an_edit_carried_over_below_it_keeps_its_record()
    {
        const string orderConfiguration = RuleVerifier.Usings + """
            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(EntityTypeBuilder<Order> builder) => builder.HasIndex(o => o.CustomerId);
            }

            public static class OrderRules
            {
                public static int Limit()
                {
                    return 10;
                }
            }
            """;
        var (shop, _) = Analyzed(ShopSources.ConfiguredContext, ShopSources.Order, ShopSources.Customer, ShopSources.TitledProduct, ShopSources.Invoice,
            ShopSources.ProductConfiguration, ShopSources.Limits, orderConfiguration);
        var recorded = AddProperty(shop, 4, InvoiceDate, "Number");
        var carried = Analysed(recorded, 7, "return 10;", "return 10 + 1;");

        var second = AddProperty(carried, 4, InvoiceDate, "Revision");

        // The class's piece is known by where it is declared, in the file the carried-over edit replaced.
        Assert.Equal(Pieces, Unreached(second));
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(Schema(second), second));
    }

    [Fact]
    public void An_edit_to_a_configuration_class_reaches_it_as_a_piece_read_for_the_first_time()
    {
        var first = Recorded();

        var second = Analysed(first, 7, "builder.HasIndex(o => o.CustomerId);", "builder.HasIndex(o => o.CustomerId).IsUnique();");

        // Its key names the class by its file, which the edit replaced: the record has no piece of that key.
        Assert.Equal(Pieces - 1, Unreached(second));
        Assert.Equal(Pieces, Read(second));
    }

    [Fact]
    public void A_condition_put_around_the_applying_call_changes_what_unchanged_configuration_classes_state()
    {
        var first = Recorded();

        // The configuration classes' files are untouched and their pieces known unreached, yet what they state now only
        // might run: a reader skipping unreached pieces must still build the entity types they configure again. (Only
        // OnModelCreating is reached: ConfigureConventions asked whether a member of its name is declared, and none is.)
        var second = Analysed(first, 0, "protected override void OnModelCreating(ModelBuilder modelBuilder) =>\n        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "protected override void OnModelCreating(ModelBuilder modelBuilder)\n    {\n        if (Environment.GetEnvironmentVariable(\"SHOP_CONFIGURED\") is not null)\n            modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);\n    }");
        var schema = Schema(second);

        Assert.Equal(Pieces - 1, Unreached(second));
        Assert.False(schema.Models.Single().FindEntity("Product")!.Properties.Single(p => p.Name == "Title").MaxLength.IsKnown);
        Assert.Equal(SchemaSnapshot.Of(Fresh(second), second), SchemaSnapshot.Of(schema, second));
    }

    [Fact]
    public void An_edit_to_the_context_reaches_OnModelCreating()
    {
        var first = Recorded();

        var second = Analysed(first, 0, "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);",
            "modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly).Entity<Invoice>().HasIndex(i => i.CreatedAt);");

        // OnModelCreating read the code edited; ConfigureConventions was looked for in the context's declarations, which
        // the edit, inside a body, left as they were.
        Assert.Equal(Pieces - 1, Unreached(second));
    }
}
