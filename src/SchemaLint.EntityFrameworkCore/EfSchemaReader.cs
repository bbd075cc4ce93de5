using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SchemaLint.Core.Model;
using SchemaLint.EntityFrameworkCore.Mapping;

namespace SchemaLint.EntityFrameworkCore
{
    /// <summary>Reads a DbContext's EF Core model into SchemaLint's schema model, without touching the database.</summary>
    public static class EfSchemaReader
    {
        /// <summary>
        /// Reads the context's design-time model (not <c>context.Model</c>: the read-optimized runtime model drops check
        /// constraints and configuration sources, and a compiled model can be stale). Opens no connection.
        /// </summary>
        /// <param name="notes">Receives what was skipped or could not be established; optional.</param>
        /// <exception cref="ModelBuildException">EF Core could not build the model.</exception>
        public static SchemaModel Read(DbContext context, ICollection<string>? notes = null) => Load(context).Read(notes ?? new List<string>());

        internal static LoadedModel Load(DbContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            try
            {
                var model = context.GetService<IDesignTimeModel>().Model;
                return new LoadedModel(context, model, context.Database.ProviderName, context.Database.IsRelational());
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException || e is ModelBuildException))
            {
                throw new ModelBuildException(context.GetType(), e);
            }
        }

        /// <summary>A context whose design-time model EF Core has built.</summary>
        internal sealed class LoadedModel
        {
            public LoadedModel(DbContext context, IModel model, string? providerName, bool isRelational)
            {
                Context = context;
                Model = model;
                Provider = ProviderNames.FromEfProviderName(providerName);
                IsRelational = isRelational;
            }

            public DbContext Context { get; }

            public IModel Model { get; }

            public DatabaseProvider Provider { get; }

            public bool IsRelational { get; }

            public string ContextName => Context.GetType().FullName ?? Context.GetType().Name;

            public SchemaModel Read(ICollection<string> notes) => new ModelMapper(Model, IsRelational, notes, ApplicationAssemblies.ForContext(Context.GetType())).Map(ContextName, Provider);
        }
    }
}
