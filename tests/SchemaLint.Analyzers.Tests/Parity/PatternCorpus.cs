namespace SchemaLint.Analyzers.Tests.Parity;

/// <summary>
/// Shapes of model-building code met in public EF Core codebases that once made the source reader abstain on a whole
/// context or entity, each written here from scratch. The source model must agree with EF Core fact by fact and leave
/// unknown no more than the code it cannot follow could change (<see cref="ParityModel.MaxUnknownShare"/>).
/// </summary>
public static class PatternCorpus
{
    private static string Context(string sets, string onModelCreating, string members = "", string name = "ModelContext") => $$"""
        public class {{name}} : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=parity");
        {{sets}}
            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
        {{onModelCreating}}
            }
        {{members}}
        }

        """;

    public static readonly ParityModel[] Models =
    {
        new("ExtensionMethodOnModelBuilder", Context("    public DbSet<Order> Orders => Set<Order>();", """
                    modelBuilder.UseEventLog().Entity<Order>().Property(o => o.Number).HasMaxLength(20);
            """) + """
            public static class EventLogModelBuilderExtensions
            {
                public static ModelBuilder UseEventLog(this ModelBuilder builder)
                {
                    builder.Entity<EventLogEntry>(b =>
                    {
                        b.ToTable("EventLog");
                        b.Property(e => e.Content).HasMaxLength(4000);
                        b.HasIndex(e => e.CreatedAt);
                    });
                    return builder;
                }
            }
            public class EventLogEntry { public Guid Id { get; set; } public string Content { get; set; } = ""; public DateTime CreatedAt { get; set; } }
            public class Order { public int Id { get; set; } public string Number { get; set; } = ""; public string Note { get; set; } = ""; }
            """, MaxUnknownShare: 0),

        new("HelpersHandedTheModelBuilder", Context("    public DbSet<Customer> Customers => Set<Customer>();\n    public DbSet<Invoice> Invoices => Set<Invoice>();", """
                    ConfigureCustomers(modelBuilder);
                    InvoiceModel.OnModelCreating(modelBuilder);
                    new AuditModel().Apply(modelBuilder.Entity<Invoice>());
            """, """
                private static void ConfigureCustomers(ModelBuilder builder) => builder.Entity<Customer>().Property(c => c.Email).HasMaxLength(256);
            """) + """
            public static class InvoiceModel
            {
                public static void OnModelCreating(ModelBuilder modelBuilder)
                {
                    var invoice = modelBuilder.Entity<Invoice>();
                    invoice.HasOne(i => i.Customer).WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
                    invoice.Property(i => i.Total).HasPrecision(18, 2);
                }
            }
            public class AuditModel
            {
                public void Apply(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Invoice> builder) => builder.Property(i => i.CreatedBy).HasMaxLength(100);
            }
            public class Customer { public int Id { get; set; } public string Email { get; set; } = ""; }
            public class Invoice { public int Id { get; set; } public int CustomerId { get; set; } public Customer Customer { get; set; } = null!; public decimal Total { get; set; } public string CreatedBy { get; set; } = ""; }
            """, MaxUnknownShare: 0),

        new("ProviderTestInOnModelCreating", Context("    public DbSet<Tag> Tags => Set<Tag>();\n    public DbSet<Note> Notes => Set<Note>();", """
                    if (Database.IsNpgsql())
                    {
                        modelBuilder.HasPostgresExtension("citext");
                        modelBuilder.Entity<Tag>().Property(t => t.Name).HasColumnType("citext");
                    }
                    else
                    {
                        modelBuilder.Entity<Tag>().Property(t => t.Name).HasMaxLength(100);
                    }

                    if (_strictNotes) modelBuilder.Entity<Note>().Property(n => n.Body).HasMaxLength(500);
                    modelBuilder.Entity<Note>().Property(n => n.Title).HasMaxLength(50);
            """, "    private readonly bool _strictNotes = true;") + """
            public class Tag { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Note { public int Id { get; set; } public string Title { get; set; } = ""; public string Body { get; set; } = ""; }
            """, MaxUnknownShare: 0.15),

        new("DddConfigurationThroughMetadata", Context("    public DbSet<Order> Orders => Set<Order>();", """
                    modelBuilder.ApplyConfiguration(new OrderConfiguration());
            """) + """
            public class OrderConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Order> builder)
                {
                    builder.Property(o => o.Number).HasMaxLength(20);
                    builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
                    builder.Metadata.FindNavigation(nameof(Order.Lines))!.SetPropertyAccessMode(PropertyAccessMode.Field);
                    builder.Metadata.FindNavigation(nameof(Order.Lines))?.SetPropertyAccessMode(PropertyAccessMode.Field);
                    var navigation = builder.Metadata.FindNavigation(nameof(Order.Lines));
                    navigation!.SetPropertyAccessMode(PropertyAccessMode.Field);
                }
            }
            public class Order { public int Id { get; set; } public string Number { get; set; } = ""; public List<OrderLine> Lines { get; private set; } = new(); }
            public class OrderLine { public int Id { get; set; } public int OrderId { get; set; } public int Quantity { get; set; } }
            """, MaxUnknownShare: 0),

        new("GenericConfigurationBaseClasses", Context("    public DbSet<Invoice> Invoices => Set<Invoice>();\n    public DbSet<Receipt> Receipts => Set<Receipt>();", """
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelContext).Assembly);
                    modelBuilder.ApplyConfiguration(new AuditedConfiguration<Receipt>());
            """) + """
            public abstract class Audited { public int Id { get; set; } public string CreatedBy { get; set; } = ""; public DateTime CreatedAt { get; set; } }
            public class AuditedConfiguration<T> : IEntityTypeConfiguration<T> where T : Audited
            {
                public virtual void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> builder)
                {
                    builder.HasKey(e => e.Id);
                    builder.Property(e => e.CreatedBy).HasMaxLength(100);
                    builder.Property(e => e.CreatedAt).HasDefaultValueSql("now()");
                }
            }
            public class InvoiceConfiguration : AuditedConfiguration<Invoice>
            {
                public override void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Invoice> builder)
                {
                    base.Configure(builder);
                    builder.Property(i => i.Number).HasMaxLength(30);
                }
            }
            public class Invoice : Audited { public string Number { get; set; } = ""; }
            public class Receipt : Audited { public string Reference { get; set; } = ""; }
            """, MaxUnknownShare: 0),

        new("SimpleNameSharedByTwoContexts", """
            namespace Blogging
            {
            """ + Context("    public DbSet<Blog> Blogs => Set<Blog>();", "            modelBuilder.Entity<Blog>().Property(b => b.Name).HasMaxLength(40);", name: "BloggingContext") + """
                public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; }
            }
            namespace Archive
            {
            """ + Context("    public DbSet<Blog> Blogs => Set<Blog>();", "            modelBuilder.Entity<Blog>().Property(b => b.Title).HasMaxLength(80);", name: "ArchiveContext") + """
                public class Blog { public int Id { get; set; } public string Title { get; set; } = ""; public string Name { get; set; } = ""; }
            }
            """, MaxUnknownShare: 0),

        new("ConstantsInFluentArguments", Context("    public DbSet<Product> Products => Set<Product>();", """
                    modelBuilder.Entity<Product>(b =>
                    {
                        b.Property(p => p.Name).HasMaxLength(Limits.Name);
                        b.Property(p => p.Price).HasPrecision(Limits.MoneyPrecision, Limits.MoneyScale);
                        b.Property(p => p.Sku).HasMaxLength(Limits.Name / 4).IsRequired(Limits.SkuRequired);
                    });
            """) + """
            public static class Limits { public const int Name = 200; public const int MoneyPrecision = 18; public const int MoneyScale = 2; public const bool SkuRequired = true; }
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Price { get; set; } public string? Sku { get; set; } }
            """, MaxUnknownShare: 0),

        new("ApplicationInAMicrosoftNamespace", """
            namespace Microsoft.Contoso.Shop
            {
            """ + Context("    public DbSet<Basket> Baskets => Set<Basket>();", """
                    modelBuilder.Entity<BasketLine>().HasOne(l => l.Basket).WithMany(b => b.Lines).HasForeignKey(l => l.BasketId);
            """) + """
                public class Basket { public int Id { get; set; } public string BuyerId { get; set; } = ""; public List<BasketLine> Lines { get; set; } = new(); }
                public class BasketLine { public int Id { get; set; } public int BasketId { get; set; } public Basket? Basket { get; set; } public int Quantity { get; set; } }
            }
            """, MaxUnknownShare: 0),

        // Whether the owned columns may be null depends on the field's requiredness, which no property declares: those stay unknown.
        new("OwnedTypeBehindABackingField", Context("    public DbSet<Venue> Venues => Set<Venue>();", """
                    modelBuilder.Entity<Venue>().OwnsOne<Address>("_address", a => a.Property(x => x.City).HasMaxLength(100));
            """) + """
            public class Address { public string City { get; set; } = ""; public string Street { get; set; } = ""; }
            public class Venue
            {
                private Address _address = new();
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string City => _address.City;
            }
            """, MaxUnknownShare: 0.05),

        new("CastInANavigationLambda", Context("    public DbSet<Series> Series => Set<Series>();\n    public DbSet<Episode> Episodes => Set<Episode>();", """
                    modelBuilder.Ignore<Media>();
                    modelBuilder.Entity<Episode>().HasOne(e => (Series?)e.Parent).WithMany(s => s.Episodes).HasForeignKey(e => e.SeriesId);
            """) + """
            public abstract class Media { public int Id { get; set; } public string Title { get; set; } = ""; }
            public class Series : Media { public List<Episode> Episodes { get; set; } = new(); }
            public class Episode { public int Id { get; set; } public int SeriesId { get; set; } public Media? Parent { get; set; } public int Number { get; set; } }
            """, MaxUnknownShare: 0),

        // The owned type made required by Navigation(...).IsRequired() is left unknown; its owner and the rest stay known.
        new("RequiredOwnedNavigation", Context("    public DbSet<Shipment> Shipments => Set<Shipment>();", """
                    modelBuilder.Entity<Shipment>().OwnsOne(s => s.Destination);
                    modelBuilder.Entity<Shipment>().Navigation(s => s.Destination).IsRequired();
            """) + """
            public class Destination { public string City { get; set; } = ""; public string? Line2 { get; set; } }
            public class Shipment { public int Id { get; set; } public string Reference { get; set; } = ""; public Destination Destination { get; set; } = new(); }
            """, MaxUnknownShare: 0.45),

        // The typed id's own column is left unknown (its converter decides the store type); the entity is no longer mistaken for two.
        new("StronglyTypedIdWithAConverter", Context("    public DbSet<Meeting> Meetings => Set<Meeting>();", """
                    modelBuilder.Entity<Meeting>().Property(m => m.Id).HasConversion(id => id.Value, value => new MeetingId(value));
                    modelBuilder.Entity<Meeting>().Property(m => m.Title).HasMaxLength(200);
            """) + """
            public sealed class MeetingId { public MeetingId(Guid value) => Value = value; public Guid Value { get; } }
            public class Meeting { public MeetingId Id { get; set; } = new(Guid.NewGuid()); public string Title { get; set; } = ""; public DateTime StartsAt { get; set; } }
            """, MaxUnknownShare: 0.25),

        new("ForeignKeyNamedAfterTheNavigation", Context("    public DbSet<Person> People => Set<Person>();\n    public DbSet<Remark> Remarks => Set<Remark>();", "") + """
            public class Person { public int PersonId { get; set; } public string Name { get; set; } = ""; }
            public class Remark { public int RemarkId { get; set; } public int AuthorId { get; set; } public Person? Author { get; set; } public string Body { get; set; } = ""; }
            """, MaxUnknownShare: 0),

        new("NullableForeignKeyInACompositeKey", Context("    public DbSet<Label> Labels => Set<Label>();\n    public DbSet<ArticleLabel> ArticleLabels => Set<ArticleLabel>();", """
                    modelBuilder.Entity<ArticleLabel>(b =>
                    {
                        b.HasKey(l => new { l.ArticleId, l.LabelId });
                        b.HasOne(l => l.Label).WithMany(l => l.Articles).HasForeignKey(l => l.LabelId);
                    });
            """) + """
            public class Label { public string LabelId { get; set; } = ""; public List<ArticleLabel> Articles { get; set; } = new(); }
            public class ArticleLabel { public int ArticleId { get; set; } public string? LabelId { get; set; } public Label? Label { get; set; } }
            """, MaxUnknownShare: 0),

        new("MethodGroupAndStaticEntityHelpers", Context("    public DbSet<Package> Packages => Set<Package>();\n    public DbSet<Download> Downloads => Set<Download>();", """
                    modelBuilder.Entity<Package>(BuildPackage);
                    Download.OnModelCreating(modelBuilder);
            """, """
                private static void BuildPackage(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Package> package)
                {
                    package.Property(p => p.Name).HasMaxLength(128);
                    package.HasIndex(p => p.Name).IsUnique();
                }
            """) + """
            public class Package { public int Id { get; set; } public string Name { get; set; } = ""; public List<Download> Downloads { get; set; } = new(); }
            public class Download
            {
                public int Id { get; set; }
                public int PackageId { get; set; }
                public Package Package { get; set; } = null!;
                public string Agent { get; set; } = "";
                internal static void OnModelCreating(ModelBuilder builder) => builder.Entity<Download>().HasIndex(d => new { d.PackageId, d.Agent });
            }
            """, MaxUnknownShare: 0),

        new("BackingFieldsMappedByName", Context("    public DbSet<Member> Members => Set<Member>();", """
                    modelBuilder.Entity<Member>(b =>
                    {
                        b.Property<string>("_login").HasColumnName("Login").HasMaxLength(50);
                        b.Property<string?>("_email").HasColumnName("Email");
                        b.Property<bool>("_isActive").HasColumnName("IsActive");
                    });
            """) + """
            public class Member
            {
                private string _login;
                private string? _email;
                private bool _isActive;
                public Member(string login) { _login = login; _isActive = true; }
                public int Id { get; set; }
                public string Login => _login;
            }
            """, MaxUnknownShare: 0),

        new("OwnedCollectionThroughAFieldWithItsOwnKey", Context("    public DbSet<Club> Clubs => Set<Club>();", """
                    modelBuilder.Entity<Club>(builder =>
                    {
                        builder.Property<string>("_name").HasColumnName("Name").HasMaxLength(100);
                        builder.OwnsMany<Membership>("_memberships", m =>
                        {
                            m.WithOwner().HasForeignKey("ClubId");
                            m.ToTable("ClubMemberships");
                            m.Property<int>("MemberNumber");
                            m.Property<DateTime>("JoinedOn");
                            m.HasKey("MemberNumber", "ClubId", "JoinedOn");
                            m.Property<bool>("_isActive").HasColumnName("IsActive");
                        });
                    });
            """) + """
            public class Club
            {
                private string _name = "";
                private List<Membership> _memberships = new();
                public int Id { get; set; }
            }
            public class Membership
            {
                private bool _isActive;
                public Membership(bool isActive) => _isActive = isActive;
                private Membership() { }
            }
            """, MaxUnknownShare: 0),

        new("CastsOnBothEndsOfARelationship", Context("    public DbSet<Show> Shows => Set<Show>();\n    public DbSet<ShowEpisode> ShowEpisodes => Set<ShowEpisode>();", """
                    modelBuilder.Ignore<Content>();
                    modelBuilder.Ignore<Part>();
                    modelBuilder.Entity<ShowEpisode>()
                        .HasOne(e => (Show?)e.Parent)
                        .WithMany(s => (ICollection<ShowEpisode>)s.Children)
                        .HasPrincipalKey(s => s.ExternalKey)
                        .HasForeignKey(e => e.ParentKey);
            """) + """
            public interface IContent { }
            public interface IPart { }
            public abstract class Content : IContent { public int Id { get; set; } public ICollection<IPart> Children { get; set; } = new List<IPart>(); }
            public abstract class Part : IPart { public int Id { get; set; } public IContent? Parent { get; set; } }
            public class Show : Content { public string ExternalKey { get; set; } = ""; }
            public class ShowEpisode : Part { public string? ParentKey { get; set; } public int Number { get; set; } }
            """, MaxUnknownShare: 0),

        // DDD entities keep keys and identities behind non-public members; naming them in Fluent code maps them.
        new("NonPublicMembersNamedInFluentCode", Context("    public DbSet<Seat> Seats => Set<Seat>();", """
                    modelBuilder.Entity<Seat>(b =>
                    {
                        b.HasKey(s => s.Id);
                        b.OwnsMany<Booking>("_bookings", y =>
                        {
                            y.WithOwner().HasForeignKey("SeatId");
                            y.Property<int>("GuestNumber");
                            y.Property<int>("SeatId");
                            y.HasKey("GuestNumber", "SeatId");
                            y.Property<bool>("_confirmed").HasColumnName("Confirmed");
                        });
                    });
            """) + """
            public class Seat { private List<Booking> _bookings = new(); public int Id { get; set; } public string Row { get; set; } = ""; }
            public class Booking
            {
                private bool _confirmed;
                internal int GuestNumber { get; private set; }
                public Booking(int guestNumber) { GuestNumber = guestNumber; _confirmed = false; }
                private Booking() { }
            }
            """, MaxUnknownShare: 0.12),

        new("ShadowAndFieldForeignKeysNamedByString", Context("    public DbSet<Buyer> Buyers => Set<Buyer>();\n    public DbSet<Card> Cards => Set<Card>();", """
                    modelBuilder.Entity<Wallet>(w =>
                    {
                        w.Property<int>("BuyerId");
                        w.Property("_cardId").HasColumnName("CardId");
                        w.HasOne(x => x.Card).WithMany().HasForeignKey("_cardId");
                    });
                    modelBuilder.Entity<Buyer>().HasMany(b => b.Wallets).WithOne().HasForeignKey("BuyerId");
            """) + """
            public class Card { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Buyer { public int Id { get; set; } public List<Wallet> Wallets { get; set; } = new(); }
            public class Wallet
            {
                private int _cardId;
                public int Id { get; set; }
                public Card? Card { get; private set; }
                public Wallet(int cardId) => _cardId = cardId;
                private Wallet() { }
            }
            """, MaxUnknownShare: 0),

        // EF Core calls Configure through IEntityTypeConfiguration<T>: an explicit implementation, and one in a generic base
        // class that hands the builder to an override, run as the interface call dispatches them.
        new("ExplicitlyImplementedConfigurations", Context("    public DbSet<Author> Authors => Set<Author>();\n    public DbSet<Book> Books => Set<Book>();", """
                    modelBuilder.ApplyConfiguration(new AuthorConfiguration());
                    modelBuilder.ApplyConfiguration(new BookConfiguration());
            """) + """
            public class AuthorConfiguration : IEntityTypeConfiguration<Author>
            {
                private void Configure(EntityTypeBuilder<Author> builder) => builder.Property(a => a.Name).HasMaxLength(10);
                void IEntityTypeConfiguration<Author>.Configure(EntityTypeBuilder<Author> builder)
                {
                    builder.ToTable("writers");
                    builder.Property(a => a.Name).HasMaxLength(120).IsRequired();
                    builder.HasIndex(a => a.Name).IsUnique();
                }
            }
            public abstract class EntityConfiguration<T> : IEntityTypeConfiguration<T> where T : class
            {
                void IEntityTypeConfiguration<T>.Configure(EntityTypeBuilder<T> builder)
                {
                    builder.HasKey("Id");
                    ConfigureEntity(builder);
                }
                protected abstract void ConfigureEntity(EntityTypeBuilder<T> builder);
            }
            public class BookConfiguration : EntityConfiguration<Book>
            {
                protected override void ConfigureEntity(EntityTypeBuilder<Book> builder)
                {
                    builder.Property(b => b.Title).HasMaxLength(200);
                    builder.HasOne(b => b.Author).WithMany(a => a.Books).HasForeignKey(b => b.AuthorId).OnDelete(DeleteBehavior.Restrict);
                }
            }
            public class Author { public int Id { get; set; } public string Name { get; set; } = ""; public List<Book> Books { get; set; } = new(); }
            public class Book { public int Id { get; set; } public string Title { get; set; } = ""; public int AuthorId { get; set; } public Author Author { get; set; } = null!; }
            """, MaxUnknownShare: 0),

        // A data project whose entity types other projects create (BUTR.CrashReportServer's shape): a required created
        // timestamp is set by every creation, so the analyzers report the missing database default as the audit does
        // (SL2008), not a timestamp nothing sets.
        new("RequiredTimestampsCreatedElsewhere", Context("    public DbSet<Report> Reports => Set<Report>();", """
                    modelBuilder.Entity<Report>().ToTable("report_entity").HasKey(r => r.CrashReportId);
            """) + """
            public sealed record Report
            {
                public required Guid CrashReportId { get; set; }
                public required byte Version { get; set; }
                public required DateTime Created { get; set; }
            }
            """, MaxUnknownShare: 0),

        // ApplyConfigurationsFromAssembly applies every IEntityTypeConfiguration<T> a class implements, each through its own
        // Configure overload.
        new("OneClassConfiguringTwoEntityTypes", Context("    public DbSet<Shelf> Shelves => Set<Shelf>();\n    public DbSet<Label> Labels => Set<Label>();", """
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelContext).Assembly);
            """) + """
            public class StorageConfiguration : IEntityTypeConfiguration<Shelf>, IEntityTypeConfiguration<Label>
            {
                public void Configure(EntityTypeBuilder<Shelf> builder)
                {
                    builder.Property(s => s.Code).HasMaxLength(12).IsRequired();
                    builder.HasIndex(s => s.Code).IsUnique();
                }
                public void Configure(EntityTypeBuilder<Label> builder)
                {
                    builder.ToTable("shelf_labels");
                    builder.Property(l => l.Text).HasMaxLength(40);
                    builder.HasOne(l => l.Shelf).WithMany().HasForeignKey(l => l.ShelfId).OnDelete(DeleteBehavior.Cascade);
                }
            }
            public class Shelf { public int Id { get; set; } public string Code { get; set; } = ""; }
            public class Label { public int Id { get; set; } public string Text { get; set; } = ""; public int ShelfId { get; set; } public Shelf Shelf { get; set; } = null!; }
            """, MaxUnknownShare: 0),

        // Identity's compiled OnModelCreating configures its own entity types and the user type it is given: those facts stay
        // unknown; the application's own entity types and the members its user type declares stay known.
        new("IdentityBaseContextFromAPackage", """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
            public class ModelContext : IdentityDbContext<AppUser>
            {
                protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost;Database=parity");
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder builder)
                {
                    base.OnModelCreating(builder);
                    builder.Entity<Order>().Property(o => o.Number).HasMaxLength(20);
                    builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(100);
                }
            }
            public class AppUser : IdentityUser { public string DisplayName { get; set; } = ""; public List<Order> Orders { get; set; } = new(); }
            public class Order { public int Id { get; set; } public string UserId { get; set; } = ""; public AppUser User { get; set; } = null!; public string Number { get; set; } = ""; public string Note { get; set; } = ""; }
            """, MaxUnknownShare: 0.6),

        // Value is declared as T: its nullability is written nowhere EF reads, so the reader leaves that one column unknown.
        new("ClosedGenericEntityTypes", Context("    public DbSet<Setting<int>> IntSettings => Set<Setting<int>>();\n    public DbSet<Setting<string>> TextSettings => Set<Setting<string>>();", """
                    modelBuilder.Entity<Setting<string>>().Property(s => s.Key).HasMaxLength(64);
            """) + """
            public class Setting<T> { public int Id { get; set; } public string Key { get; set; } = ""; public T Value { get; set; } = default!; }
            """, MaxUnknownShare: 0.25),

        // Ignore<T>() after a relationship to T was configured: EF Core drops the entity type and the relationship with it;
        // the foreign key's property stays a plain column.
        new("RelationshipToATypeIgnoredAfterwards", Context("    public DbSet<Order> Orders => Set<Order>();", """
                    modelBuilder.Entity<Order>().HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId);
                    modelBuilder.Ignore<Customer>();
            """) + """
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public Customer? Customer { get; set; } public string Number { get; set; } = ""; }
            """, MaxUnknownShare: 0),
    };
}
