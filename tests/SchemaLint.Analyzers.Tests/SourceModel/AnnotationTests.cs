using SchemaLint.Core.Model;
using static SchemaLint.Analyzers.Tests.SourceModel.SourceModelHarness;

namespace SchemaLint.Analyzers.Tests.SourceModel;

public class AnnotationTests
{
    private const string Context = """
        public class ShopContext : DbContext
        {
            public DbSet<Product> Products => Set<Product>();
        }

        """;

    [Fact]
    public void Reads_max_length_from_MaxLength_and_StringLength()
    {
        var model = Model(Context + """
            public class Product
            {
                public int Id { get; set; }
                [MaxLength(50)] public string Name { get; set; } = "";
                [StringLength(20)] public string Sku { get; set; } = "";
                public string Description { get; set; } = "";
            }
            """);
        var product = model.Entity("Product");
        Assert.Equal(50, product.Property("Name").MaxLength.Value);
        Assert.Equal(20, product.Property("Sku").MaxLength.Value);
        Assert.True(product.Property("Description").MaxLength.Is(null));
    }

    [Fact]
    public void Reads_precision_and_column_type()
    {
        var model = Model(Context + """
            public class Product
            {
                public int Id { get; set; }
                [Precision(18, 2)] public decimal Price { get; set; }
                [Column(TypeName = "numeric(10,4)")] public decimal Cost { get; set; }
                public decimal Tax { get; set; }
            }
            """);
        var product = model.Entity("Product");
        Assert.Equal(18, product.Property("Price").Precision.Value);
        Assert.Equal(2, product.Property("Price").Scale.Value);
        Assert.Equal("numeric(10,4)", product.Property("Cost").StoreType.Value);
        Assert.True(product.Property("Tax").Precision.Is(null));
        Assert.True(product.Property("Tax").StoreType.Is(null));
    }

    [Fact]
    public void Required_attribute_makes_an_oblivious_string_not_null_and_is_declared()
    {
        var model = Model(Context + """
            public class Product
            {
                public int Id { get; set; }
                [Required] public string Name { get; set; }
                public string Notes { get; set; }
            }
            """, nullable: false);
        var product = model.Entity("Product");
        Assert.True(product.Property("Name").IsColumnNullable.Is(false));
        Assert.True(product.Property("Name").DeclaredRequiredness.Is(DeclaredRequiredness.Required));
        Assert.True(product.Property("Notes").IsColumnNullable.Is(true));
        Assert.True(product.Property("Notes").ReferenceNullability.Is(ReferenceNullability.Oblivious));
    }

    [Fact]
    public void Unique_index_attribute_and_keyless_and_table_attributes()
    {
        var model = Model("""
            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Sale> Sales => Set<Sale>();
            }
            [Index(nameof(Email), IsUnique = true)]
            [Table("customers", Schema = "shop")]
            public class Customer { public int Id { get; set; } public string Email { get; set; } = ""; }
            [Keyless]
            public class Sale { public decimal Total { get; set; } }
            """);
        var customer = model.Entity("Customer");
        var index = Assert.Single(customer.Indexes);
        Assert.True(index.IsUnique);
        Assert.Equal(new[] { "Email" }, index.PropertyNames);
        Assert.Equal("customers", customer.TableName);
        Assert.Equal("shop", customer.Schema);
        var sale = model.Entity("Sale");
        Assert.True(sale.IsKeyless.Is(true));
        Assert.True(sale.Mapping.Is(TableMappingKind.Table));
    }

    [Fact]
    public void NotMapped_and_get_only_properties_are_not_columns()
    {
        var model = Model(Context + """
            public class Product
            {
                public int Id { get; set; }
                [NotMapped] public string Display { get; set; } = "";
                public string Computed => "x";
                public int PrivateSet { get; private set; }
            }
            """);
        var names = model.Entity("Product").Properties.Select(p => p.Name).ToList();
        Assert.Equal(new[] { "Id", "PrivateSet" }, names);
    }

    [Fact]
    public void Property_location_is_the_identifier()
    {
        var compilation = Compile(Context + """
            public class Product { public int Id { get; set; } public double Amount { get; set; } }
            """);
        var model = Build(compilation).Models.Single();
        var amount = model.Entity("Product").Property("Amount");
        Assert.Equal("Amount", amount.Location.Text(compilation));
        Assert.Equal("/src/Model.cs", amount.Location!.FilePath);
        Assert.Equal("Product", model.Entity("Product").Location.Text(compilation));
    }
}
