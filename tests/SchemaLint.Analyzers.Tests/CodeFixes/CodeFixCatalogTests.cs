using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SchemaLint.Analyzers.Tests.Verification;
using SchemaLint.CodeFixes;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Rules;

namespace SchemaLint.Analyzers.Tests.CodeFixes;

/// <summary>What holds for every code fix: exported, Fix All in every scope, and every rule either fixed or excused.</summary>
public sealed class CodeFixCatalogTests
{
    private static readonly IReadOnlyList<CodeFixProvider> Providers = typeof(SchemaLintCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    [Fact]
    public void Every_provider_is_exported_for_CSharp()
    {
        foreach (var provider in Providers)
        {
            var export = provider.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Cast<ExportCodeFixProviderAttribute>().SingleOrDefault();
            Assert.True(export is not null && export.Languages.Contains(LanguageNames.CSharp), $"{provider.GetType().Name} is not exported for C#.");
        }
    }

    [Fact]
    public void Every_provider_fixes_all_in_document_project_and_solution()
    {
        foreach (var provider in Providers)
        {
            var scopes = provider.GetFixAllProvider()?.GetSupportedFixAllScopes().ToList();
            Assert.True(scopes is not null && scopes.Contains(FixAllScope.Document) && scopes.Contains(FixAllScope.Project) && scopes.Contains(FixAllScope.Solution),
                $"{provider.GetType().Name} lacks Fix All in some scope.");
        }
    }

    [Fact]
    public void Every_model_and_source_rule_has_a_fix_or_a_reason_for_none()
    {
        var fixedIds = Providers.SelectMany(p => p.FixableDiagnosticIds).ToHashSet();
        var ruleIds = RuleCatalog.Rules.Select(r => r.Descriptor).Where(d => !d.RequiresDatabase && !d.RequiresBuiltModel).Select(d => d.Id);
        foreach (var id in ruleIds)
            Assert.True(fixedIds.Contains(id) ^ RulesWithoutFix.Reasons.ContainsKey(id), $"{id} needs either a code fix or a reason in RulesWithoutFix (not both).");
    }

    [Fact]
    public async Task Diagnostics_carry_the_entity_and_member_the_fixes_read()
    {
        // The official harness compares ids and spans, not properties: read them from our own host.
        var diagnostics = await new ProjectBuilder().WithOnlyRules("SL2002").WithSourceCode(RuleVerifier.Usings + """
            public class Invoice
            {
                public int Id { get; set; }
                public decimal {|SL2002:Total|} { get; set; }
            }

            public class AppDbContext : DbContext
            {
                public DbSet<Invoice> Invoices => Set<Invoice>();
            }
            """).ValidateAsync();
        var properties = diagnostics.Single().Properties;
        Assert.Equal("Invoice", properties[DiagnosticKeys.Entity]);
        Assert.Equal("Total", properties[DiagnosticKeys.Member]);
    }
}
