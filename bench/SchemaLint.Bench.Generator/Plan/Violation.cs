namespace SchemaLint.Bench.Generator.Plan;

/// <summary>A mistake the generator plants on purpose, named by the SchemaLint rule that should find it.</summary>
public enum Violation
{
    /// <summary>SL1002: an int? foreign key in nullable-oblivious code, where nothing says the relationship is optional.</summary>
    NullableForeignKey,
    /// <summary>SL1004: a client-only delete behavior (ClientCascade) the database does not enforce.</summary>
    ClientOnlyDeleteBehavior,
    /// <summary>SL1007: a keyless entity mapped to a table.</summary>
    KeylessTable,
    /// <summary>SL1008: a foreign-key property whose type (long) does not match the principal key (int), so EF Core adds a shadow one.</summary>
    ShadowForeignKey,
    /// <summary>SL2001: money stored as double.</summary>
    MoneyAsDouble,
    /// <summary>SL2002: a decimal with neither precision nor store type.</summary>
    DecimalWithoutPrecision,
    /// <summary>SL2003: a long-text column capped at 50 characters.</summary>
    LongTextCappedShort,
    /// <summary>SL2004: an identifier-like text with no max length.</summary>
    ShortTextUnbounded,
    /// <summary>SL2005: a required-looking string in a file with nullable reference types off.</summary>
    NullableByOmission,
    /// <summary>SL2006: a string? configured as required.</summary>
    NullabilityMismatch,
    /// <summary>SL2007: an Email with no unique index.</summary>
    UniqueWithoutIndex,
    /// <summary>SL3001: a table with neither created nor updated timestamp.</summary>
    MissingTimestamps,
    /// <summary>SL3002: an updated timestamp nothing updates.</summary>
    UpdatedNeverSet,
    /// <summary>SL3003: DateTime.Now assigned to a timestamp.</summary>
    LocalTime,
    /// <summary>SL4002: an index that is a leading prefix of another.</summary>
    RedundantIndex,
    /// <summary>SL5001: Database.EnsureCreated() in application code.</summary>
    EnsureCreated,
    /// <summary>SL5002: a DbContext created and never disposed.</summary>
    UndisposedContext,
}

public static class ViolationRules
{
    public static string RuleId(this Violation violation) => violation switch
    {
        Violation.NullableForeignKey => "SL1002",
        Violation.ClientOnlyDeleteBehavior => "SL1004",
        Violation.KeylessTable => "SL1007",
        Violation.ShadowForeignKey => "SL1008",
        Violation.MoneyAsDouble => "SL2001",
        Violation.DecimalWithoutPrecision => "SL2002",
        Violation.LongTextCappedShort => "SL2003",
        Violation.ShortTextUnbounded => "SL2004",
        Violation.NullableByOmission => "SL2005",
        Violation.NullabilityMismatch => "SL2006",
        Violation.UniqueWithoutIndex => "SL2007",
        Violation.MissingTimestamps => "SL3001",
        Violation.UpdatedNeverSet => "SL3002",
        Violation.LocalTime => "SL3003",
        Violation.RedundantIndex => "SL4002",
        Violation.EnsureCreated => "SL5001",
        Violation.UndisposedContext => "SL5002",
        _ => throw new System.ArgumentOutOfRangeException(nameof(violation), violation, "No rule is mapped to this violation."),
    };
}
