using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SchemaLint.Analyzers.SourceModel;
using SchemaLint.Core.Model;
using SchemaLint.Core.Options;

namespace SchemaLint.Analyzers.Tests.SourceModel;

/// <summary>Entity types declared in a referenced assembly are read from its metadata: what attributes and conventions say is known.</summary>
public class ReferencedAssemblyTests
{
    private const string Library = """
        namespace Shared.Kernel
        {
            public abstract class AuditedEntity { public int Id { get; set; } public System.DateTime CreatedAt { get; set; } [System.ComponentModel.DataAnnotations.MaxLength(100)] public string CreatedBy { get; set; } = ""; }
            public class Country { public int Id { get; set; } [System.ComponentModel.DataAnnotations.MaxLength(2)] public string Code { get; set; } = ""; public string Name { get; set; } = ""; }
        }
        public class OutboxMessage { public System.Guid Id { get; set; } public string Payload { get; set; } = ""; }
        public static class OutboxModel
        {
            public static Microsoft.EntityFrameworkCore.ModelBuilder UseOutbox(this Microsoft.EntityFrameworkCore.ModelBuilder builder)
            {
                builder.Entity<OutboxMessage>().Property(m => m.Payload).HasMaxLength(4000);
                return builder;
            }
        }
        """;

    private const string OutboxApplication = """
        public class Order { public int Id { get; set; } public decimal Total { get; set; } }
        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseOutbox().Entity<Order>().Property(o => o.Total).HasPrecision(18, 2);
        }
        """;

    [Fact]
    public void Compiled_code_handed_the_model_builder_makes_the_model_unknown_and_says_which()
    {
        var model = Build(OutboxApplication);
        Assert.False(model.IsEntitySetComplete);
        Assert.Equal(ModelCompleteness.None, model.Entities.Single(e => e.ShortName == "Order").Completeness);
        Assert.Contains("'OutboxModel.UseOutbox' (assembly Shared.Kernel)", model.UnknownReason);
        Assert.Contains("schemalint.scoped_model_builders", model.UnknownReason);
    }

    [Fact]
    public void An_assembly_named_a_scoped_model_builder_reaches_only_its_own_entity_types()
    {
        var options = SchemaLintOptions.FromKeyValues(new[] { new KeyValuePair<string, string>("schemalint.scoped_model_builders", "Shared.Kernel") });
        var model = Build(OutboxApplication, options);
        Assert.Null(model.UnknownReason);
        var order = model.Entities.Single(e => e.ShortName == "Order");
        Assert.Equal(ModelCompleteness.All, order.Completeness);
        Assert.Equal(18, model.FindProperty(order, "Total")!.Precision.Value);
        // The entity types it adds are its own business: none is guessed, and they cannot take part in the application's relationships.
        Assert.False(model.IsEntitySetComplete);
        Assert.True(model.OnlyPackageEntityTypesUnseen);
        Assert.DoesNotContain(model.Entities, e => e.ShortName == "OutboxMessage");
    }

    [Fact]
    public void Attributes_on_an_entity_type_from_a_referenced_assembly_are_known()
    {
        var model = Build("""
            public class Shop { public int Id { get; set; } public Shared.Kernel.Country Country { get; set; } = null!; public int CountryId { get; set; } }
            public class ShopContext : DbContext { public DbSet<Shop> Shops => Set<Shop>(); }
            """);
        var country = model.Entities.Single(e => e.Name == "Shared.Kernel.Country");
        Assert.Equal(2, country.FindDeclaredProperty("Code")!.MaxLength.Value);
        Assert.Equal(ModelCompleteness.All, country.Completeness);
    }

    [Fact]
    public void Members_inherited_from_a_base_class_in_a_referenced_assembly_are_known()
    {
        var model = Build("""
            public class Ticket : Shared.Kernel.AuditedEntity { public string Title { get; set; } = ""; }
            public class DeskContext : DbContext { public DbSet<Ticket> Tickets => Set<Ticket>(); }
            """);
        var ticket = model.Entities.Single(e => e.ShortName == "Ticket");
        Assert.Equal(100, model.FindProperty(ticket, "CreatedBy")!.MaxLength.Value);
    }

    private const string KernelApplication = """
        public class Invoice : Shared.Kernel.AuditedEntity { public string Number { get; set; } = ""; }
        public class ShopContext : DbContext { public DbSet<Invoice> Invoices => Set<Invoice>(); public DbSet<Shared.Kernel.Country> Countries => Set<Shared.Kernel.Country>(); }
        """;

    [Fact]
    public void A_referenced_assembly_NuGet_restored_declares_package_entity_types_and_members()
    {
        var model = Build(KernelApplication, libraryPath: "/root/.nuget/packages/shared.kernel/2.1.0/lib/net10.0/Shared.Kernel.dll");
        var invoice = model.Entities.Single(e => e.ShortName == "Invoice");

        Assert.Equal("shared.kernel", model.Entities.Single(e => e.ShortName == "Country").Package);
        Assert.Null(invoice.Package);
        Assert.Null(model.FindProperty(invoice, "Number")!.Package);
        Assert.Equal("shared.kernel", model.FindProperty(invoice, "CreatedBy")!.Package);
    }

    [Fact]
    public void A_project_reference_of_the_application_declares_the_applications_entity_types()
    {
        var model = Build(KernelApplication, libraryPath: "/src/Shared.Kernel/obj/Debug/net10.0/ref/Shared.Kernel.dll");

        Assert.All(model.Entities, e => Assert.Null(e.Package));
        Assert.Null(model.FindProperty(model.Entities.Single(e => e.ShortName == "Invoice"), "CreatedBy")!.Package);
    }

    private static SchemaModel Build(string application, SchemaLintOptions? options = null, string? libraryPath = null)
    {
        var library = CSharpCompilation.Create("Shared.Kernel", new[] { CSharpSyntaxTree.ParseText(Library) }, SourceModelHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var reference = MetadataReference.CreateFromImage(image.ToArray(), filePath: libraryPath);
        var app = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(SourceModelHarness.Usings + application, path: "/src/App.cs") },
            SourceModelHarness.References.Add(reference), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return SourceSchemaBuilder.Build(app, EfSymbols.TryCreate(app)!, options ?? SchemaLintOptions.Default, CancellationToken.None).Models.Single();
    }
}
