using SchemaLint.Analyzers.Tests.Verification.Official;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>
/// Rule specifications on the official harness (<see cref="SchemaLintAnalyzerTest"/>): one rule's diagnostics against the
/// markup, with the usings every EF Core model file has.
/// </summary>
public static class RuleVerifier
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.ComponentModel.DataAnnotations.Schema;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;

        """;

    public static SchemaLintAnalyzerTest For(string ruleId, string markup) => new SchemaLintAnalyzerTest(ruleId).Source(Usings + markup);

    public static Task VerifyAsync(string ruleId, string markup) => For(ruleId, markup).ValidateAsync();

    /// <summary>The same, in code compiled without nullable reference types (nullable-oblivious code).</summary>
    public static Task VerifyObliviousAsync(string ruleId, string markup) => For(ruleId, markup).WithNullableReferenceTypes(false).ValidateAsync();
}
