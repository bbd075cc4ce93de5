using System;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>EF Core could not build the context's model, so there is nothing to audit.</summary>
    public sealed class ModelBuildException : Exception
    {
        public ModelBuildException(Type contextType, Exception inner)
            : base(Describe(contextType, inner), inner)
        {
            ContextType = contextType;
        }

        /// <summary>
        /// EF Core's own message quoted as one clause, whatever punctuation it ends with, so that the advice after it starts
        /// a sentence of its own ("...says no. Fix..." rather than "...says no Fix...").
        /// </summary>
        private static string Describe(Type? contextType, Exception? inner)
        {
            var reason = (inner?.Message ?? "no reason given").Trim();
            if (reason.Length > 0 && ".!?".IndexOf(reason[reason.Length - 1]) < 0) reason += ".";
            return $"The model of {contextType?.Name ?? "the context"} could not be built: {reason} Fix the model configuration (OnModelCreating, attributes, options) so that EF Core accepts it, then audit again.";
        }

        /// <summary>The DbContext type whose model failed.</summary>
        public Type? ContextType { get; }
    }
}
