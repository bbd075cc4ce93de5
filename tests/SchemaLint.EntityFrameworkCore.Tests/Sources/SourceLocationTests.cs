using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Rules;
using SchemaLint.EntityFrameworkCore.Tests.Infrastructure;
using SchemaLint.EntityFrameworkCore.Tests.Sources.Located;

namespace SchemaLint.EntityFrameworkCore.Tests.Sources
{
    /// <summary>Findings point at source through the test assembly's portable PDB.</summary>
    public class SourceLocationTests
    {
        [Fact]
        public void Property_finding_points_at_the_property_declaration()
        {
            var report = Audit.Npgsql(b => b.Entity<Invoice>());

            var location = report.Single(RuleIds.MoneyAsFloatingPoint, "Invoice", "Total").Location!;
            Assert.Equal(ThisFile(), location.FilePath);
            Assert.Equal(LineOf("public double Total { get; set; }"), location.Line);
        }

        [Fact]
        public void Relationship_points_at_the_dependent_navigation()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Invoice>());

            var foreignKey = Assert.Single(model.Entity("Invoice").ForeignKeys);
            Assert.Equal(LineOf("public Client Client { get; set; } = null!;"), foreignKey.Location!.Line);
        }

        [Fact]
        public void Shadow_property_falls_back_to_its_entity_types_file()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Invoice>().Property<DateTime>("CreatedAt"));

            var location = model.Property("Invoice", "CreatedAt").Location!;
            Assert.Equal(ThisFile(), location.FilePath);
            Assert.Equal(LineOf("public class Invoice"), location.Line);
        }

        [Fact]
        public void Entity_finding_points_at_the_types_declaration_as_the_analyzers_do()
        {
            var report = Audit.Npgsql(b => b.Entity<Invoice>());

            var location = Assert.Single(report.Of(RuleIds.MissingTimestamps, "Invoice")).Location!;
            Assert.Equal(LineOf("public class Invoice"), location.Line);
            Assert.Equal(File.ReadAllLines(ThisFile())[location.Line - 1].IndexOf("Invoice", StringComparison.Ordinal) + 1, location.Column);
        }

        [Fact]
        public void Property_over_several_lines_points_at_its_name_not_its_accessor_as_the_analyzers_do()
        {
            var report = Audit.Npgsql(b => b.Entity<Voucher>());

            var location = report.Single(RuleIds.MoneyAsFloatingPoint, "Voucher", "Amount").Location!;
            Assert.Equal(LineOf("public double Amount"), location.Line);
            Assert.Equal(File.ReadAllLines(ThisFile())[location.Line - 1].IndexOf("Amount", StringComparison.Ordinal) + 1, location.Column);
        }

        [Fact]
        public void Member_mapped_to_a_field_points_at_the_field_declaration_as_the_analyzers_do()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Voucher>().Property<string?>("_memo"));

            // A PDB has no line for a field: the declaration is read from the file, past a statement that uses the name first.
            var location = model.Property("Voucher", "_memo").Location!;
            Assert.Equal(ThisFile(), location.FilePath);
            Assert.Equal(LineOf("private string? _memo = \"\";"), location.Line);
            Assert.Equal(File.ReadAllLines(ThisFile())[location.Line - 1].IndexOf("_memo", StringComparison.Ordinal) + 1, location.Column);
        }

        [Fact]
        public void Type_without_clr_code_has_no_location()
        {
            var model = Audit.ReadNpgsql(b => b.Entity<Invoice>());

            Assert.Null(Assert.Single(model.Entities, e => e.IsJoinEntity).Location);
        }

        private static string ThisFile([CallerFilePath] string path = "") => path;

        private static int LineOf(string declaration)
        {
            var lines = File.ReadAllLines(ThisFile());
            return Array.FindIndex(lines, l => l.Trim() == declaration) + 1;
        }
    }
}

namespace SchemaLint.EntityFrameworkCore.Tests.Sources.Located
{
    public class Client
    {
        public int Id { get; set; } // Client

        public List<Invoice> Invoices { get; set; } = new();
    }

    public class Invoice
    {
        public int Id { get; set; } // Invoice

        public double Total { get; set; }

        public int ClientId { get; set; }

        public Client Client { get; set; } = null!;

        public List<Label> Labels { get; set; } = new();
    }

    public class Voucher
    {
        public int Id { get; set; } // Voucher

        public string? Memo() { return _memo; }

        public double Amount
        {
            get;
            set;
        }

        private string? _memo = "";
    }

    public class Label
    {
        public int Id { get; set; } // Label

        public List<Invoice> Invoices { get; set; } = new();
    }
}
