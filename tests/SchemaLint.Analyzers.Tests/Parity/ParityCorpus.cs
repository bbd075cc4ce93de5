namespace SchemaLint.Analyzers.Tests.Parity;

/// <summary>
/// Model sources whose source-read model must agree with EF Core's: every rule's trigger, every trap from the
/// core issue, both configuration styles, owned types, inheritance, many-to-many, keyless views, global conventions,
/// split configuration classes, and code the reader must abstain on.
/// </summary>
public static class ParityCorpus
{
    private static string Context(string sets, string onModelCreating = "", string members = "") => $$"""
        public class ModelContext : DbContext
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
        new("MoneyAsDouble", Context("    public DbSet<Expense> Expenses => Set<Expense>();") + """
            public class Expense { public int Id { get; set; } public double Amount { get; set; } public float Tax { get; set; } public string Description { get; set; } = ""; }
            """),

        new("NonMoneyFloats", Context("    public DbSet<Place> Places => Set<Place>();") + """
            public class Place { public int Id { get; set; } public double Latitude { get; set; } public double Longitude { get; set; } public float Score { get; set; } public double? Ratio { get; set; } public double Weight { get; set; } }
            """),

        new("DecimalPrecisionAnnotations", Context("    public DbSet<Invoice> Invoices => Set<Invoice>();") + """
            public class Invoice
            {
                public int Id { get; set; }
                public decimal Total { get; set; }
                [Precision(18, 2)] public decimal Subtotal { get; set; }
                [Column(TypeName = "numeric(12,4)")] public decimal Fee { get; set; }
                public decimal? Discount { get; set; }
            }
            """),

        new("DecimalPrecisionFluent", Context("    public DbSet<Invoice> Invoices => Set<Invoice>();", """
                    modelBuilder.Entity<Invoice>(b =>
                    {
                        b.Property(i => i.Subtotal).HasPrecision(18, 2);
                        b.Property(i => i.Fee).HasColumnType("numeric(12,4)");
                        b.Property(i => i.Rate).HasPrecision(9);
                    });
            """) + """
            public class Invoice { public int Id { get; set; } public decimal Total { get; set; } public decimal Subtotal { get; set; } public decimal Fee { get; set; } public decimal Rate { get; set; } }
            """),

        new("GlobalConventions", Context("    public DbSet<Payment> Payments => Set<Payment>();", "", """
                protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                {
                    configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
                    configurationBuilder.Properties<string>().HaveMaxLength(256);
                }
            """) + """
            public class Payment { public int Id { get; set; } public decimal Amount { get; set; } public decimal? Refund { get; set; } [Precision(10, 2)] public decimal Fee { get; set; } public string Reference { get; set; } = ""; [MaxLength(4000)] public string? Notes { get; set; } }
            """),

        new("LongTextCappedShort", Context("    public DbSet<Article> Articles => Set<Article>();", """
                    modelBuilder.Entity<Article>().Property(a => a.Content).HasMaxLength(200);
            """) + """
            public class Article { public int Id { get; set; } [MaxLength(100)] public string Description { get; set; } = ""; public string Content { get; set; } = ""; [StringLength(2000)] public string Body { get; set; } = ""; }
            """),

        new("ShortTextUnbounded", Context("    public DbSet<Member> Members => Set<Member>();") + """
            public class Member { public int Id { get; set; } public string Email { get; set; } = ""; public string Name { get; set; } = ""; public string? Slug { get; set; } public string Phone { get; set; } = ""; }
            """),

        new("NullableByOmission", Context("    public DbSet<Customer> Customers { get; set; }") + """
            public class Customer { public int Id { get; set; } public string Name { get; set; } [Required] public string Email { get; set; } public string Title { get; set; } public int? Age { get; set; } }
            """, Nullable: false),

        new("NullabilityMismatch", Context("    public DbSet<Account> Accounts => Set<Account>();", """
                    modelBuilder.Entity<Account>(b =>
                    {
                        b.Property(a => a.Nickname).IsRequired();
                        b.Property(a => a.Username).IsRequired(false);
                    });
            """) + """
            public class Account { public int Id { get; set; } public string? Nickname { get; set; } public string Username { get; set; } = ""; }
            """),

        new("UniqueCandidates", Context("    public DbSet<User> Users => Set<User>();\n    public DbSet<Product> Products => Set<Product>();", """
                    modelBuilder.Entity<User>().HasIndex(u => new { u.TenantId, u.Email }).IsUnique();
                    modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique().HasFilter("\"Deleted\" = false");
            """) + """
            public class User { public int Id { get; set; } public int TenantId { get; set; } public string Email { get; set; } = ""; public string Username { get; set; } = ""; }
            public class Product { public int Id { get; set; } public string Sku { get; set; } = ""; public bool Deleted { get; set; } }
            """),

        new("DatabaseDefaults", Context("    public DbSet<Order> Orders => Set<Order>();", """
                    modelBuilder.Entity<Order>(b =>
                    {
                        b.Property(o => o.CreatedAt).HasDefaultValueSql("now()");
                        b.Property(o => o.IsPaid).HasDefaultValue(false);
                        b.Property(o => o.Total).HasPrecision(12, 2).HasComputedColumnSql("\"Net\" + \"Tax\"", stored: true);
                    });
            """) + """
            public enum OrderStatus { New, Shipped }
            public class Order
            {
                public int Id { get; set; }
                public bool IsActive { get; set; }
                public bool IsPaid { get; set; }
                public OrderStatus Status { get; set; }
                public DateTime CreatedAt { get; set; }
                [Precision(12, 2)] public decimal Net { get; set; }
                [Precision(12, 2)] public decimal Tax { get; set; }
                public decimal Total { get; set; }
            }
            """),

        new("TimestampsInherited", Context("    public DbSet<Invoice> Invoices => Set<Invoice>();\n    public DbSet<Note> Notes => Set<Note>();") + """
            public abstract class Auditable { public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }
            public class Invoice : Auditable { public int Id { get; set; } public string Number { get; set; } = ""; }
            public class Note { public int Id { get; set; } public string Text { get; set; } = ""; }
            """),

        new("ShadowTimestamps", Context("    public DbSet<Document> Documents => Set<Document>();", """
                    modelBuilder.Entity<Document>().Property<DateTime>("CreatedAt").HasDefaultValueSql("now()");
                    modelBuilder.Entity<Document>().Property<DateTime?>("UpdatedAt");
                    modelBuilder.Entity<Document>().Property<string>("Origin").HasMaxLength(20);
            """) + """
            public class Document { public int Id { get; set; } public string Title { get; set; } = ""; }
            """),

        new("TimestampGeneration", Context("    public DbSet<Ticket> Tickets => Set<Ticket>();", """
                    modelBuilder.Entity<Ticket>().Property(t => t.UpdatedAt).ValueGeneratedOnAddOrUpdate();
                    modelBuilder.Entity<Ticket>().Property(t => t.Version).IsRowVersion();
            """) + """
            public class Ticket
            {
                public int Id { get; set; }
                public DateTime CreatedAt { get; set; } = DateTime.Now;
                public DateTime UpdatedAt { get; set; }
                [DatabaseGenerated(DatabaseGeneratedOption.Computed)] public DateTime ModifiedOn { get; set; }
                public uint Version { get; set; }
            }
            """),

        new("CheckConstraints", Context("    public DbSet<StockItem> StockItems => Set<StockItem>();", """
                    modelBuilder.Entity<StockItem>().ToTable("stock", t => t.HasCheckConstraint("CK_stock_price", "\"Price\" >= 0"));
            #pragma warning disable CS0618
                    modelBuilder.Entity<StockItem>().HasCheckConstraint("CK_stock_quantity", "\"Quantity\" >= 0");
            #pragma warning restore CS0618
            """) + """
            public class StockItem { public int Id { get; set; } [Range(0, 1000)] public int Quantity { get; set; } [Precision(10, 2)] public decimal Price { get; set; } [Range(0, 5)] public int Rating { get; set; } }
            """),

        new("RedundantIndexes", Context("    public DbSet<Event> Events => Set<Event>();", """
                    modelBuilder.Entity<Event>(b =>
                    {
                        b.HasIndex(e => e.Kind);
                        b.HasIndex(e => new { e.Kind, e.OccurredAt });
                        b.HasIndex(e => e.Id);
                    });
            """) + """
            public class Event { public int Id { get; set; } public string Kind { get; set; } = ""; public DateTime OccurredAt { get; set; } }
            """),

        new("ForeignKeyIndexConventionRemoved", Context("    public DbSet<Blog> Blogs => Set<Blog>();\n    public DbSet<Post> Posts => Set<Post>();", "", """
                protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                {
                    configurationBuilder.Conventions.Remove(typeof(ForeignKeyIndexConvention));
                }
            """) + """
            public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """),

        new("ForeignKeyCoveredByCompositeKey", Context("    public DbSet<Order> Orders => Set<Order>();\n    public DbSet<OrderLine> OrderLines => Set<OrderLine>();", """
                    modelBuilder.Entity<OrderLine>().HasKey(l => new { l.OrderId, l.LineNumber });
            """) + """
            public class Order { public int Id { get; set; } public List<OrderLine> Lines { get; set; } = new(); }
            public class OrderLine { public int OrderId { get; set; } public int LineNumber { get; set; } public Order Order { get; set; } = null!; public int ProductId { get; set; } }
            """),

        new("NullableForeignKeys", Context("    public DbSet<Blog> Blogs => Set<Blog>();\n    public DbSet<Post> Posts => Set<Post>();\n    public DbSet<Comment> Comments => Set<Comment>();") + """
            public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int? BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            public class Comment { public int Id { get; set; } public int? PostId { get; set; } [Required] public Post? Post { get; set; } }
            """),

        new("ObliviousRelationships", Context("    public DbSet<Author> Authors { get; set; }\n    public DbSet<Book> Books { get; set; }") + """
            public class Author { public int Id { get; set; } public string Name { get; set; } public List<Book> Books { get; set; } }
            public class Book { public int Id { get; set; } public int? AuthorId { get; set; } public Author Author { get; set; } public Publisher Publisher { get; set; } }
            public class Publisher { public int Id { get; set; } public string Name { get; set; } }
            """, Nullable: false),

        new("MissingForeignKeyConstraint", Context("    public DbSet<User> Users => Set<User>();\n    public DbSet<Order> Orders => Set<Order>();") + """
            public class User { public int Id { get; set; } }
            public class Order { public int Id { get; set; } public int UserId { get; set; } public Guid ExternalId { get; set; } public string TrackingId { get; set; } = ""; }
            """),

        new("DeleteBehaviors", Context("    public DbSet<Team> Teams => Set<Team>();\n    public DbSet<Player> Players => Set<Player>();\n    public DbSet<Coach> Coaches => Set<Coach>();", """
                    modelBuilder.Entity<Player>().HasOne(p => p.Team).WithMany(t => t.Players).HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
                    modelBuilder.Entity<Coach>().HasOne(c => c.Team).WithMany().OnDelete(DeleteBehavior.SetNull);
            """) + """
            public class Team { public int Id { get; set; } public List<Player> Players { get; set; } = new(); public List<Sponsor> Sponsors { get; set; } = new(); }
            public class Player { public int Id { get; set; } public int TeamId { get; set; } public Team Team { get; set; } = null!; }
            public class Coach { public int Id { get; set; } public int? TeamId { get; set; } public Team? Team { get; set; } }
            public class Sponsor { public int Id { get; set; } [DeleteBehavior(DeleteBehavior.Cascade)] public Team? Team { get; set; } }
            """),

        new("SetNullOnRequired", Context("    public DbSet<Folder> Folders => Set<Folder>();\n    public DbSet<FileEntry> Files => Set<FileEntry>();", """
                    modelBuilder.Entity<FileEntry>().HasOne(f => f.Folder).WithMany(f => f.Files).OnDelete(DeleteBehavior.SetNull);
            """) + """
            public class Folder { public int Id { get; set; } public List<FileEntry> Files { get; set; } = new(); }
            public class FileEntry { public int Id { get; set; } public int? FolderId { get; set; } public Folder Folder { get; set; } = null!; }
            """),

        new("CascadePaths", Context("    public DbSet<User> Users => Set<User>();\n    public DbSet<Post> Posts => Set<Post>();\n    public DbSet<Comment> Comments => Set<Comment>();") + """
            public class User { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); public List<Comment> Comments { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int UserId { get; set; } public User User { get; set; } = null!; public List<Comment> Comments { get; set; } = new(); }
            public class Comment { public int Id { get; set; } public int UserId { get; set; } public User User { get; set; } = null!; public int PostId { get; set; } public Post Post { get; set; } = null!; }
            """),

        new("KeylessMappings", Context("    public DbSet<AuditRow> AuditRows => Set<AuditRow>();\n    public DbSet<SalesSummary> Summaries => Set<SalesSummary>();\n    public DbSet<TopSeller> TopSellers => Set<TopSeller>();", """
                    modelBuilder.Entity<AuditRow>().HasNoKey();
                    modelBuilder.Entity<SalesSummary>().HasNoKey().ToView("sales_summary");
                    modelBuilder.Entity<TopSeller>().ToSqlQuery("select 1 as \"Rank\"");
            """) + """
            public class AuditRow { public string Message { get; set; } = ""; public DateTime At { get; set; } }
            public class SalesSummary { public decimal Total { get; set; } public int Year { get; set; } }
            [Keyless] public class TopSeller { public int Rank { get; set; } }
            """),

        new("ShadowForeignKeys", Context("    public DbSet<User> Users => Set<User>();\n    public DbSet<Post> Posts => Set<Post>();\n    public DbSet<Review> Reviews => Set<Review>();") + """
            public class User { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); public List<Review> Reviews { get; set; } = new(); }
            public class Post { public int Id { get; set; } public long UserId { get; set; } public User User { get; set; } = null!; }
            public class Review { public int Id { get; set; } public int AuthorId { get; set; } public User? User { get; set; } }
            """),

        new("OwnedTypes", Context("    public DbSet<Order> Orders => Set<Order>();\n    public DbSet<Customer> Customers => Set<Customer>();", """
                    modelBuilder.Entity<Order>(b =>
                    {
                        b.OwnsOne(o => o.ShippingAddress, a => a.Property(x => x.Street).HasMaxLength(200));
                        b.OwnsMany(o => o.Lines);
                    });
            """) + """
            public class Order { public int Id { get; set; } public Address ShippingAddress { get; set; } = null!; public List<OrderLine> Lines { get; set; } = new(); }
            public class Address { public string Street { get; set; } = ""; public string? City { get; set; } public int Zip { get; set; } }
            public class OrderLine { public string Sku { get; set; } = ""; [Precision(10, 2)] public decimal Price { get; set; } }
            public class Customer { public int Id { get; set; } public Money Balance { get; set; } = null!; }
            [Owned] public class Money { [Precision(19, 4)] public decimal Amount { get; set; } [MaxLength(3)] public string Currency { get; set; } = ""; }
            """),

        new("TablePerHierarchy", Context("    public DbSet<Animal> Animals => Set<Animal>();\n    public DbSet<Dog> Dogs => Set<Dog>();\n    public DbSet<Cat> Cats => Set<Cat>();") + """
            public abstract class Animal { public int Id { get; set; } public string Name { get; set; } = ""; public DateTime CreatedAt { get; set; } }
            public class Dog : Animal { public string Breed { get; set; } = ""; public int Age { get; set; } }
            public class Cat : Animal { public bool Indoor { get; set; } public int? Lives { get; set; } }
            """),

        new("TablePerType", Context("    public DbSet<Vehicle> Vehicles => Set<Vehicle>();\n    public DbSet<Car> Cars => Set<Car>();\n    public DbSet<Truck> Trucks => Set<Truck>();", """
                    modelBuilder.Entity<Vehicle>().UseTptMappingStrategy();
            """) + """
            public class Vehicle { public int Id { get; set; } [MaxLength(20)] public string Plate { get; set; } = ""; }
            public class Car : Vehicle { public int Seats { get; set; } }
            public class Truck : Vehicle { [Precision(8, 2)] public decimal Payload { get; set; } public Depot? Depot { get; set; } }
            public class Depot { public int Id { get; set; } public string City { get; set; } = ""; }
            """),

        new("ManyToMany", Context("    public DbSet<Post> Posts => Set<Post>();\n    public DbSet<Tag> Tags => Set<Tag>();\n    public DbSet<Student> Students => Set<Student>();\n    public DbSet<Course> Courses => Set<Course>();") + """
            public class Post { public int Id { get; set; } public List<Tag> Tags { get; set; } = new(); }
            public class Tag { public int Id { get; set; } public string Label { get; set; } = ""; public List<Post> Posts { get; set; } = new(); }
            public class Student { public int Id { get; set; } public List<Course> Courses { get; set; } = new(); }
            public class Course { public Guid Id { get; set; } public List<Student> Students { get; set; } = new(); }
            """),

        new("SplitConfigurationClasses", Context("    public DbSet<Customer> Customers => Set<Customer>();\n    public DbSet<Invoice> Invoices => Set<Invoice>();", """
                    modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelContext).Assembly);
            """) + """
            public class Customer { public int Id { get; set; } public string Email { get; set; } = ""; public List<Invoice> Invoices { get; set; } = new(); }
            public class Invoice { public int Id { get; set; } public decimal Amount { get; set; } public int CustomerId { get; set; } public Customer Customer { get; set; } = null!; public string Number { get; set; } = ""; }
            public class CustomerConfiguration : IEntityTypeConfiguration<Customer>
            {
                public void Configure(EntityTypeBuilder<Customer> builder)
                {
                    builder.ToTable("customers");
                    builder.Property(c => c.Email).HasMaxLength(320).IsRequired();
                    builder.HasIndex(c => c.Email).IsUnique();
                }
            }
            public abstract class DocumentConfiguration<T> : IEntityTypeConfiguration<T> where T : class
            {
                public virtual void Configure(EntityTypeBuilder<T> builder) => builder.Property<DateTime>("CreatedAt").HasDefaultValueSql("now()");
            }
            public class InvoiceConfiguration : DocumentConfiguration<Invoice>
            {
                public override void Configure(EntityTypeBuilder<Invoice> builder)
                {
                    base.Configure(builder);
                    builder.Property(i => i.Amount).HasPrecision(14, 2);
                    builder.HasOne(i => i.Customer).WithMany(c => c.Invoices).OnDelete(DeleteBehavior.Restrict);
                    builder.HasIndex(i => i.Number).IsUnique();
                }
            }
            """),

        new("ApplyConfigurationExplicitly", Context("    public DbSet<Product> Products => Set<Product>();", """
                    modelBuilder.ApplyConfiguration(new ProductConfiguration());
            """) + """
            public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Price { get; set; } public string Code { get; set; } = ""; }
            public class ProductConfiguration : IEntityTypeConfiguration<Product>
            {
                public void Configure(EntityTypeBuilder<Product> builder)
                {
                    builder.HasKey(p => p.Id);
                    builder.HasAlternateKey(p => p.Code);
                    var price = builder.Property(p => p.Price);
                    price.HasPrecision(10, 2);
                    builder.Property(p => p.Name).HasMaxLength(100);
                }
            }
            """),

        new("FluentOneToOneAndPrincipalKey", Context("    public DbSet<User> Users => Set<User>();\n    public DbSet<Profile> Profiles => Set<Profile>();\n    public DbSet<Order> Orders => Set<Order>();", """
                    modelBuilder.Entity<User>().HasOne(u => u.Profile).WithOne(p => p.User).HasForeignKey<Profile>(p => p.OwnerId);
                    modelBuilder.Entity<Order>().HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserEmail).HasPrincipalKey(u => u.Email);
            """) + """
            public class User { public int Id { get; set; } public string Email { get; set; } = ""; public Profile? Profile { get; set; } }
            public class Profile { public int Id { get; set; } public int OwnerId { get; set; } public User User { get; set; } = null!; }
            public class Order { public int Id { get; set; } public string UserEmail { get; set; } = ""; public User User { get; set; } = null!; }
            """),

        new("ConventionOneToOneAndSelfReference", Context("    public DbSet<Person> People => Set<Person>();\n    public DbSet<Passport> Passports => Set<Passport>();\n    public DbSet<Employee> Employees => Set<Employee>();") + """
            public class Person { public int Id { get; set; } public Passport? Passport { get; set; } }
            public class Passport { public int Id { get; set; } public int PersonId { get; set; } public Person Person { get; set; } = null!; }
            public class Employee { public int Id { get; set; } public int? ManagerId { get; set; } public Employee? Manager { get; set; } public List<Employee> Reports { get; set; } = new(); }
            """),

        new("InverseProperties", Context("    public DbSet<Airport> Airports => Set<Airport>();\n    public DbSet<Flight> Flights => Set<Flight>();") + """
            public class Airport
            {
                public int Id { get; set; }
                [InverseProperty(nameof(Flight.Origin))] public List<Flight> Departures { get; set; } = new();
                [InverseProperty(nameof(Flight.Destination))] public List<Flight> Arrivals { get; set; } = new();
            }
            public class Flight
            {
                public int Id { get; set; }
                public int OriginId { get; set; }
                public Airport Origin { get; set; } = null!;
                [ForeignKey(nameof(Destination))] public int ArrivesAtId { get; set; }
                public Airport Destination { get; set; } = null!;
            }
            """),

        new("UnidirectionalNavigations", Context("    public DbSet<Shipment> Shipments => Set<Shipment>();") + """
            public class Shipment { public int Id { get; set; } public Address From { get; set; } = null!; public Address? To { get; set; } public List<Parcel> Parcels { get; set; } = new(); }
            public class Address { public int Id { get; set; } public string Line { get; set; } = ""; }
            public class Parcel { public int ParcelId { get; set; } [Precision(6, 2)] public decimal Weight { get; set; } }
            """),

        new("PrimaryKeyAttributesAndNames", Context("    public DbSet<Country> Countries => Set<Country>();\n    public DbSet<Rate> Rates => Set<Rate>();\n    public DbSet<City> Cities => Set<City>();") + """
            public class Country { [Key, MaxLength(2)] public string Code { get; set; } = ""; public List<City> Cities { get; set; } = new(); }
            [PrimaryKey(nameof(From), nameof(To))]
            public class Rate { [MaxLength(3)] public string From { get; set; } = ""; [MaxLength(3)] public string To { get; set; } = ""; [Precision(18, 6)] public decimal Value { get; set; } }
            public class City { public Guid CityId { get; set; } public string CountryCode { get; set; } = ""; public Country Country { get; set; } = null!; }
            """),

        new("IgnoredMembersAndTypes", Context("    public DbSet<Report> Reports => Set<Report>();", """
                    modelBuilder.Ignore<Cache>();
                    modelBuilder.Entity<Report>().Ignore(r => r.Preview);
            """) + """
            public class Report { public int Id { get; set; } public string Preview { get; set; } = ""; public Cache? Cache { get; set; } [NotMapped] public int Hits { get; set; } public string Title { get; set; } = ""; }
            public class Cache { public int Id { get; set; } }
            """),

        new("AbstainsOnEntityTypeLoop", Context("    public DbSet<Blog> Blogs => Set<Blog>();\n    public DbSet<Post> Posts => Set<Post>();", """
                    foreach (var relationship in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
                        relationship.DeleteBehavior = DeleteBehavior.Restrict;
                    modelBuilder.Entity<Blog>().Property(b => b.Name).HasMaxLength(80);
            """) + """
            public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } public Blog Blog { get; set; } = null!; public double Price { get; set; } }
            """),

        new("AbstainsOnHelperMethods", Context("    public DbSet<Blog> Blogs => Set<Blog>();\n    public DbSet<Post> Posts => Set<Post>();", """
                    modelBuilder.Entity<Blog>(b => ConfigureBlog(b));
                    modelBuilder.Entity<Post>().Property(p => p.Title).HasMaxLength(120);
            """, """
                private static void ConfigureBlog(EntityTypeBuilder<Blog> builder)
                {
                    builder.Property(b => b.Name).HasMaxLength(50);
                    builder.HasMany(b => b.Posts).WithOne(p => p.Blog).OnDelete(DeleteBehavior.Restrict);
                }
            """) + """
            public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; public List<Post> Posts { get; set; } = new(); }
            public class Post { public int Id { get; set; } public string Title { get; set; } = ""; public int BlogId { get; set; } public Blog Blog { get; set; } = null!; }
            """),

        new("ValueGenerationAndKeys", Context("    public DbSet<Session> Sessions => Set<Session>();\n    public DbSet<Counter> Counters => Set<Counter>();\n    public DbSet<Setting> Settings => Set<Setting>();") + """
            public class Session { public Guid Id { get; set; } public long Sequence { get; set; } }
            public class Counter { [DatabaseGenerated(DatabaseGeneratedOption.None)] public long Id { get; set; } public int Value { get; set; } }
            public class Setting { public string SettingId { get; set; } = ""; public string? Value { get; set; } }
            """),

        new("TableAndViewNames", Context("    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();\n    public DbSet<Balance> Balances => Set<Balance>();", """
                    modelBuilder.Entity<LedgerEntry>().ToTable("ledger", "accounting");
                    modelBuilder.Entity<Balance>(b => { b.HasNoKey(); b.ToView("balances", "accounting"); });
            """) + """
            [Table("ignored_by_fluent")]
            public class LedgerEntry { public int Id { get; set; } [Precision(18, 2)] public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public DateTime UpdatedAt { get; set; } }
            public class Balance { [Precision(18, 2)] public decimal Amount { get; set; } public int AccountId { get; set; } }
            """),

        new("RequiredNavigationAnnotations", Context("    public DbSet<Manual> Manuals => Set<Manual>();\n    public DbSet<Chapter> Chapters => Set<Chapter>();", """
                    modelBuilder.Entity<Chapter>().HasOne(c => c.Manual).WithMany(m => m.Chapters).IsRequired();
            """) + """
            public class Manual { public int Id { get; set; } public List<Chapter> Chapters { get; set; } = new(); public List<Figure> Figures { get; set; } = new(); }
            public class Chapter { public int Id { get; set; } public int? ManualId { get; set; } public Manual? Manual { get; set; } }
            public class Figure { public int Id { get; set; } public Manual? Manual { get; set; } }
            """),
        new("TablePerConcreteType", Context("    public DbSet<Payment> Payments => Set<Payment>();\n    public DbSet<CardPayment> CardPayments => Set<CardPayment>();\n    public DbSet<BankPayment> BankPayments => Set<BankPayment>();", """
                    modelBuilder.Entity<Payment>().UseTpcMappingStrategy();
            """) + """
            public abstract class Payment { public Guid Id { get; set; } [Precision(12, 2)] public decimal Amount { get; set; } }
            public class CardPayment : Payment { [MaxLength(4)] public string Last4 { get; set; } = ""; }
            public class BankPayment : Payment { public string Iban { get; set; } = ""; }
            """),

        new("FluentDiscriminatorAndManyToMany", Context("    public DbSet<Content> Contents => Set<Content>();\n    public DbSet<Video> Videos => Set<Video>();\n    public DbSet<Topic> Topics => Set<Topic>();", """
                    modelBuilder.Entity<Content>().HasDiscriminator<string>("Kind").HasValue<Content>("content").HasValue<Video>("video");
                    modelBuilder.Entity<Content>().HasMany(c => c.Topics).WithMany(t => t.Contents);
            """) + """
            public class Content { public int Id { get; set; } public List<Topic> Topics { get; set; } = new(); }
            public class Video : Content { public int Seconds { get; set; } }
            public class Topic { public int Id { get; set; } public List<Content> Contents { get; set; } = new(); }
            """),

        new("ConfigurationAttributeAndNavigationlessRelationship", Context("    public DbSet<Invoice> Invoices => Set<Invoice>();\n    public DbSet<Client> Clients => Set<Client>();", """
                    modelBuilder.Entity<Invoice>().HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Restrict);
            """) + """
            [EntityTypeConfiguration(typeof(ClientConfiguration))]
            public class Client { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class ClientConfiguration : IEntityTypeConfiguration<Client>
            {
                public void Configure(EntityTypeBuilder<Client> builder) => builder.Property(c => c.Name).HasMaxLength(150);
            }
            public class Invoice { public int Id { get; set; } public int ClientId { get; set; } public string? Memo { get; set; } }
            """),

        new("RecordsAndRequiredForeignKeyProperty", Context("    public DbSet<Room> Rooms => Set<Room>();\n    public DbSet<Booking> Bookings => Set<Booking>();", """
                    modelBuilder.Entity<Booking>().Property(b => b.RoomId).IsRequired();
            """) + """
            public record Room { public int Id { get; init; } public string Name { get; init; } = ""; public List<Booking> Bookings { get; init; } = new(); }
            public record Booking { public int Id { get; init; } public int? RoomId { get; init; } public Room? Room { get; init; } public DateTime From { get; init; } }
            """),

        new("ObliviousOwnedAndIndexAttributes", Context("    public DbSet<Store> Stores { get; set; }") + """
            [Index(nameof(Code), IsUnique = true)]
            [Index(nameof(Region), nameof(Code))]
            public class Store { public int Id { get; set; } public string Code { get; set; } public string Region { get; set; } public Location Location { get; set; } }
            [Owned] public class Location { public double Latitude { get; set; } public double Longitude { get; set; } public string Label { get; set; } }
            """, Nullable: false),

        new("MembersOverSeveralLines", Context("    public DbSet<Post> Posts => Set<Post>();") + """
            public class Post
            {
                private decimal _total;

                public int Id { get; set; }

                [MaxLength(100)]
                public string Body { get; set; } = "";

                public double Price
                {
                    get;
                    set;
                }

                public decimal Total
                {
                    get => _total;
                    set => _total = value;
                }

                public DateTime CreatedAt { get; set; }
            }
            """),
    };
}
