using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Shortcuts for the common cases; <see cref="ProjectBuilder"/> has the rest (configuration files, references, several files).</summary>
public static class Verifier
{
    public static ProjectBuilder CreateProjectBuilder() => new();

    /// <summary>Checks every SchemaLint analyzer's diagnostics on <paramref name="markup"/> against its markup.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAnalyzerAsync(string markup) =>
        new ProjectBuilder().WithSourceCode(markup).ValidateAsync();
}
