using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Shortcuts for the common cases; <see cref="ProjectBuilder"/> has the rest (configuration files, references, several files).</summary>
public static class Verifier
{
    public static ProjectBuilder CreateProjectBuilder() => new();

    /// <summary>Checks every SchemaLint analyzer's diagnostics on <paramref name="markup"/> against its markup.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAnalyzerAsync(string markup) =>
        new ProjectBuilder().WithSourceCode(markup).ValidateAsync();

    /// <summary>
    /// Checks that <paramref name="source"/>'s markup matches the diagnostics, and that the fix (the action with
    /// <paramref name="equivalenceKey"/>, or the first one offered), applied one diagnostic at a time and through Fix All in
    /// document and project scope, turns it into <paramref name="fixedSource"/> with no new compiler diagnostics.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, CodeFixProvider provider, string? equivalenceKey = null) =>
        new ProjectBuilder().WithSourceCode(source).ShouldFixCodeWith(fixedSource).WithCodeFixProvider(provider, equivalenceKey).ValidateCodeFixAsync();
}
