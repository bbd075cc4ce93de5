namespace SchemaLint.Core.Rules
{
    /// <summary>Every rule id, in one place. Ids are public contract: never reuse or renumber one.</summary>
    public static class RuleIds
    {
        public const string ForeignKeyNotIndexed = "SL1001";
        public const string NullableForeignKey = "SL1002";
        public const string MissingForeignKeyConstraint = "SL1003";
        public const string ClientOnlyDeleteBehavior = "SL1004";
        public const string SetNullOnRequiredForeignKey = "SL1005";
        public const string MultipleCascadePaths = "SL1006";
        public const string TableWithoutPrimaryKey = "SL1007";
        public const string ShadowForeignKey = "SL1008";

        public const string MoneyAsFloatingPoint = "SL2001";
        public const string DecimalWithoutPrecision = "SL2002";
        public const string LongTextCappedShort = "SL2003";
        public const string ShortTextUnbounded = "SL2004";
        public const string NullableByOmission = "SL2005";
        public const string NullabilityMismatch = "SL2006";
        public const string UniqueCandidateWithoutIndex = "SL2007";
        public const string NoDatabaseDefault = "SL2008";

        public const string MissingTimestamps = "SL3001";
        public const string TimestampNeverSet = "SL3002";
        public const string LocalTimeInTimestamp = "SL3003";

        public const string RangeWithoutCheckConstraint = "SL4001";
        public const string RedundantIndex = "SL4002";

        public const string EnsureCreatedOutsideTests = "SL5001";
        public const string DbContextNotDisposed = "SL5002";

        public const string DatabaseForeignKeyNotIndexed = "SL6001";
        public const string DatabaseForeignKeyMissing = "SL6002";
        public const string DatabaseColumnMismatch = "SL6003";
        public const string DatabaseUniqueMissing = "SL6004";
        public const string DatabaseCheckOrDefaultMissing = "SL6005";
        public const string DatabaseTableOrColumnMissing = "SL6006";

        public const string IndexWithoutConcurrentCreation = "SL7001";
        public const string NotNullWithoutDefaultOrBackfill = "SL7002";
        public const string DataDropped = "SL7003";
        public const string ColumnNarrowedOrRewritten = "SL7004";
        public const string ConstraintValidatedUnderLock = "SL7005";
        public const string UniqueIndexWithoutDeduplication = "SL7006";
        public const string PendingModelChanges = "SL7007";
    }
}
