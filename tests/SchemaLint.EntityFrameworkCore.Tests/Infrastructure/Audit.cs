using Microsoft.EntityFrameworkCore;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Model;

namespace SchemaLint.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>Short ways for tests to audit an inline model and look at the outcome.</summary>
public static class Audit
{
    public static AuditReport Npgsql(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null)
    {
        using var context = ModelContext.Npgsql(model, conventions);
        return SchemaAudit.Run(context);
    }

    public static AuditReport SqlServer(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null)
    {
        using var context = ModelContext.SqlServer(model, conventions);
        return SchemaAudit.Run(context);
    }

    public static AuditReport Sqlite(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null)
    {
        using var context = ModelContext.Sqlite(model, conventions);
        return SchemaAudit.Run(context);
    }

    public static AuditReport InMemory(Action<ModelBuilder> model, Action<ModelConfigurationBuilder>? conventions = null)
    {
        using var context = ModelContext.InMemory(model, conventions);
        return SchemaAudit.Run(context);
    }

    public static SchemaModel ReadNpgsql(Action<ModelBuilder> model, ICollection<string>? notes = null)
    {
        using var context = ModelContext.Npgsql(model);
        return EfSchemaReader.Read(context, notes);
    }

    public static IReadOnlyList<Finding> Of(this AuditReport report, string ruleId) => report.Findings.Where(f => f.RuleId == ruleId).ToList();

    public static IReadOnlyList<Finding> Of(this AuditReport report, string ruleId, string entityShortName) =>
        report.Findings.Where(f => f.RuleId == ruleId && ShortName(f.EntityName) == entityShortName).ToList();

    public static Finding Single(this AuditReport report, string ruleId, string entityShortName, string member) =>
        Assert.Single(report.Findings, f => f.RuleId == ruleId && ShortName(f.EntityName) == entityShortName && f.MemberName == member);

    public static EntityTypeModel Entity(this SchemaModel model, string shortName) =>
        model.Entities.Single(e => e.ShortName == shortName);

    public static PropertyModel Property(this SchemaModel model, string entityShortName, string property) =>
        model.Entity(entityShortName).Properties.Single(p => p.Name == property);

    public static string Describe(this AuditReport report) =>
        string.Join(Environment.NewLine, report.Findings.Select(f => SchemaAuditException.FormatLine(f, report.Model)));

    private static string? ShortName(string? entityName)
    {
        if (entityName is null) return null;
        var separator = Math.Max(entityName.LastIndexOf('.'), entityName.LastIndexOf('+'));
        return separator >= 0 ? entityName[(separator + 1)..] : entityName;
    }
}
