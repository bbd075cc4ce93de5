using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Tests.Verification;

/// <summary>Rule tests: one rule's diagnostics against the markup, with the usings every EF Core model file has.</summary>
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

    public static ProjectBuilder For(string ruleId, string markup) =>
        new ProjectBuilder().WithOnlyRules(ruleId).WithSourceCode(Usings + markup);

    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string ruleId, string markup) => For(ruleId, markup).ValidateAsync();

    /// <summary>The same, in code compiled without nullable reference types (nullable-oblivious code).</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyObliviousAsync(string ruleId, string markup) =>
        For(ruleId, markup).WithNullableReferenceTypes(false).ValidateAsync();
}
