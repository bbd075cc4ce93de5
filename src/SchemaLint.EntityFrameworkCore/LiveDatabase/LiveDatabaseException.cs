using System;

namespace SchemaLint.EntityFrameworkCore.LiveDatabase
{
    /// <summary>Why the live database could not be checked; the console command maps every kind to exit code 3.</summary>
    public enum LiveDatabaseErrorKind
    {
        InvalidConnectionString,
        UnsupportedProvider,
        Unreachable,
        AuthenticationFailed,
        DatabaseMissing,
        PermissionDenied,
        Timeout,
        /// <summary>The database has none of the tables the model maps: probably the wrong database, or migrations never ran.</summary>
        SchemaMissing,
        Failed,
    }

    /// <summary>The live database could not be read. <see cref="Exception.Message"/> is one sentence saying what is wrong and what to do.</summary>
    public sealed class LiveDatabaseException : Exception
    {
        public LiveDatabaseException(LiveDatabaseErrorKind kind, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
        }

        public LiveDatabaseErrorKind Kind { get; }
    }
}
