using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.Schema;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Everything an analyzed schema says, as text: every public fact of every model (found by reflection, so a fact added
/// later is compared without anyone remembering to add it here) and every finding with the tree, span and message it is
/// reported at. Two schemas are the same, fact by fact, when their snapshots are equal.
/// </summary>
internal static class SchemaSnapshot
{
    public static string Of(AnalyzedSchema schema, Compilation compilation)
    {
        var text = new StringBuilder();
        text.Append("read failure: ").AppendLine(schema.ReadFailure ?? "none");
        foreach (var model in schema.Models) Write(text, "model", model, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var placed in schema.FindingsIn(tree))
                text.Append("finding ").Append(placed.Finding.RuleId).Append(' ').Append(tree.FilePath).Append(' ').Append(placed.Span)
                    .Append(' ').Append(placed.Finding.EntityName).Append('.').Append(placed.Finding.MemberName).Append(": ").AppendLine(placed.Finding.Message);
        }

        return text.ToString();
    }

    /// <summary>Every public fact of <paramref name="value"/>, walked as <see cref="Of"/> walks a schema; Roslyn's objects by their text.</summary>
    public static string OfObject(object value)
    {
        var text = new StringBuilder();
        Write(text, value.GetType().Name, value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return text.ToString();
    }

    private static void Write(StringBuilder text, string name, object? value, int depth, HashSet<object> path)
    {
        text.Append(' ', depth * 2).Append(name).Append(" = ");
        if (value is null)
        {
            text.AppendLine("null");
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DateTime or DateTimeOffset or Guid || type.Name == "SourceLocation"
            || type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            text.AppendLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        // A back reference (an entity's model, a relationship's ends) is named, not walked again.
        if (!type.IsValueType && !path.Add(value))
        {
            text.AppendLine("(back reference " + type.Name + ")");
            return;
        }

        if (value is IEnumerable sequence)
        {
            var items = sequence.Cast<object?>().ToList();
            text.AppendLine("[" + items.Count + "]");
            for (var i = 0; i < items.Count; i++) Write(text, "#" + i, items[i], depth + 1, path);
        }
        else
        {
            text.AppendLine(type.Name);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
                Write(text, property.Name, Read(property, value), depth + 1, path);
        }

        if (!type.IsValueType) path.Remove(value);
    }

    /// <summary>A property's value; an unknown fact's Value throws, which is itself what the fact says.</summary>
    private static object? Read(PropertyInfo property, object owner)
    {
        try
        {
            return property.GetValue(owner);
        }
        catch (TargetInvocationException thrown)
        {
            return "(throws " + thrown.InnerException?.GetType().Name + ")";
        }
    }
}
