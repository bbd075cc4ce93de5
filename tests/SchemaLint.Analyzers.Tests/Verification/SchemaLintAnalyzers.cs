using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SchemaLint.Analyzers.Diagnostics;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Every analyzer the SchemaLint.Analyzers assembly exports, as the compiler would load them.</summary>
public static class SchemaLintAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(SchemaLintDescriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
