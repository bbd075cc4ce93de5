using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SchemaLint.EntityFrameworkCore.Diagnostics
{
    /// <summary>
    /// Collects the warnings EF Core's model validation raises for a model by running the context's own validator again
    /// into a private logger.
    /// </summary>
    /// <remarks>
    /// EF Core validates a model once, when it first builds it, and caches the result per service provider: a test suite
    /// has usually built the model long before the audit runs, so listening while the model is fetched would miss the
    /// warnings. Replaying the validator is deterministic, reads the finished model only, honours the context's
    /// <c>ConfigureWarnings</c> (ignored events stay ignored), and keeps the warnings out of the application's own logs and
    /// out of other contexts' audits running in parallel. Warnings raised by conventions while the model is being built
    /// (not by the validator) are not replayed; the rules read the facts behind them from the model itself.
    /// </remarks>
    internal static class ModelValidationReplay
    {
        public static IReadOnlyList<EfModelWarning> Collect(DbContext context, IModel designTimeModel)
        {
            var validator = context.GetService<IModelValidator>();
            var options = context.GetService<ILoggingOptions>();
            var collector = new WarningCollector(options);
            using var listener = new DiagnosticListener("SchemaLint.ModelValidationReplay");
            using (listener.Subscribe(collector))
            {
                var logger = new ReplayLogger(options, context.GetService<LoggingDefinitions>(), listener);
                validator.Validate(designTimeModel, logger);
            }

            return collector.Warnings;
        }

        private sealed class WarningCollector : IObserver<KeyValuePair<string, object?>>
        {
            private readonly ILoggingOptions _options;

            public WarningCollector(ILoggingOptions options)
            {
                _options = options;
            }

            public List<EfModelWarning> Warnings { get; } = new List<EfModelWarning>();

            public void OnNext(KeyValuePair<string, object?> value)
            {
                if (value.Value is not EventData data || data.LogLevel < LogLevel.Warning) return;

                // EF Core sends event data to diagnostic listeners even for events the context ignores; the context's choice stands.
                if (_options.WarningsConfiguration.GetBehavior(data.EventId) == WarningBehavior.Ignore) return;
                string? entity = null, member = null, related = null;
                switch (data)
                {
                    case UniquifiedPropertyEventData uniquified:
                        entity = uniquified.Property.DeclaringType.Name;
                        member = uniquified.Property.Name;
                        related = uniquified.BasePropertyName;
                        break;
                    case PropertyEventData property:
                        entity = property.Property.DeclaringType.Name;
                        member = property.Property.Name;
                        break;
                    case ForeignKeyEventData foreignKey:
                        entity = foreignKey.ForeignKey.DeclaringEntityType.Name;
                        break;
                    case EntityTypeEventData entityType:
                        entity = entityType.EntityType.Name;
                        break;
                    case NavigationEventData navigation:
                        entity = navigation.Navigation.DeclaringType.Name;
                        member = navigation.Navigation.Name;
                        break;
                }

                Warnings.Add(new EfModelWarning(value.Key, data.ToString(), entity, member, related));
            }

            public void OnError(Exception error)
            {
            }

            public void OnCompleted()
            {
            }
        }

        /// <summary>EF Core's logger contract over the context's logging options and definitions, writing only to a private listener.</summary>
        private sealed class ReplayLogger : IDiagnosticsLogger<DbLoggerCategory.Model.Validation>
        {
            public ReplayLogger(ILoggingOptions options, LoggingDefinitions definitions, DiagnosticSource diagnosticSource)
            {
                Options = options;
                Definitions = definitions;
                DiagnosticSource = diagnosticSource;
            }

            public ILoggingOptions Options { get; }

            public LoggingDefinitions Definitions { get; }

            public DiagnosticSource DiagnosticSource { get; }

            public ILogger Logger => NullLogger.Instance;

            public IDbContextLogger DbContextLogger { get; } = new SilentDbContextLogger();

            public IInterceptors? Interceptors => null;

            public bool ShouldLogSensitiveData() => false;
        }

        private sealed class SilentDbContextLogger : IDbContextLogger
        {
            public void Log(EventData eventData)
            {
            }

            public bool ShouldLog(EventId eventId, LogLevel logLevel) => false;
        }
    }
}
