using System;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>EF Core could not build the context's model, so there is nothing to audit.</summary>
    public sealed class ModelBuildException : Exception
    {
        public ModelBuildException(Type contextType, Exception inner)
            : base($"The model of {contextType?.Name ?? "the context"} could not be built: {inner?.Message} Fix the model configuration (OnModelCreating, attributes, options) so that EF Core accepts it, then audit again.", inner)
        {
            ContextType = contextType;
        }

        /// <summary>The DbContext type whose model failed.</summary>
        public Type? ContextType { get; }
    }
}
