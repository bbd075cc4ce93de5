namespace SchemaLint.Core.Baseline
{
    /// <summary>
    /// Keys of the properties every analyzer diagnostic carries so that its fingerprint can be read back outside the
    /// compiler: the compiler's SARIF (-p:ErrorLog) writes them into each result's <c>properties.customProperties</c>, where
    /// <c>schemalint audit --write-baseline</c> reads the findings only the analyzers make.
    /// </summary>
    public static class FingerprintProperties
    {
        public const string Entity = "SchemaLint.Entity";
        public const string Member = "SchemaLint.Member";

        /// <summary>The DbContext's full name, absent for findings outside any context.</summary>
        public const string Context = "SchemaLint.Context";

        /// <summary><see cref="FindingFingerprint.Hash"/>.</summary>
        public const string Hash = "SchemaLint.Fingerprint";
    }
}
