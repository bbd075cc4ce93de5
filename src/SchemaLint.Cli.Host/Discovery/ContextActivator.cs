using System;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host.Discovery
{
    /// <summary>Creates a context the first way that applies: its design-time factory, the application's services, its parameterless constructor.</summary>
    internal sealed class ContextActivator
    {
        private readonly IServiceProvider? _services;
        /// <summary>Why there are no application services, as a clause ("its Main returned without building a host").</summary>
        private readonly string? _servicesUnavailable;

        public ContextActivator(IServiceProvider? services, string? servicesUnavailable)
        {
            _services = services;
            _servicesUnavailable = servicesUnavailable;
        }

        public DbContext Create(ContextCandidate candidate, out string createdBy)
        {
            if (candidate.FactoryType is not null)
            {
                createdBy = $"design-time factory {candidate.FactoryType.Name}";
                return FromFactory(candidate);
            }

            if (_services is not null && (candidate.IsRegistered || candidate.ContextType.GetConstructor(Type.EmptyTypes) is null))
            {
                createdBy = "the application's service provider";
                return FromServices(candidate, _services);
            }

            if (candidate.ContextType.GetConstructor(Type.EmptyTypes) is not null)
            {
                createdBy = "its parameterless constructor";
                return FromConstructor(candidate);
            }

            var services = _servicesUnavailable is null
                ? "is not registered in the application's services"
                : $"the application's services are unavailable because {_servicesUnavailable}";
            throw new HostFailureException(ExitCodes.LoadError,
                $"{candidate.Name} cannot be created: it has no design-time factory and no parameterless constructor, and {services}; add an IDesignTimeDbContextFactory<{candidate.Name}> to the application.");
        }

        private static DbContext FromFactory(ContextCandidate candidate)
        {
            var factoryName = candidate.FactoryType!.Name;
            object factory;
            try
            {
                factory = Activator.CreateInstance(candidate.FactoryType!)!;
            }
            catch (Exception e) when (e is MissingMethodException || e is TargetInvocationException || e is MemberAccessException)
            {
                var inner = Inner(e);
                throw new HostFailureException(ExitCodes.LoadError, $"The design-time factory {factoryName} could not be created ({inner.Message}); give it a public parameterless constructor that does not throw.", inner);
            }

            var contract = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(candidate.ContextType);
            try
            {
                var created = contract.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!.Invoke(factory, new object[] { Array.Empty<string>() });
                return created as DbContext
                    ?? throw new HostFailureException(ExitCodes.LoadError, $"The design-time factory {factoryName} returned null instead of a {candidate.Name}; make CreateDbContext return a context.");
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new HostFailureException(ExitCodes.LoadError,
                    $"The design-time factory {factoryName} threw {e.InnerException.GetType().Name} while creating {candidate.Name} ({e.InnerException.Message}); fix its CreateDbContext method.", e.InnerException);
            }
        }

        private static DbContext FromServices(ContextCandidate candidate, IServiceProvider services)
        {
            try
            {
                // One scope per context, never disposed before the audit ends: the context is scoped to it.
                var scope = services.CreateScope();
                return (DbContext)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, candidate.ContextType);
            }
            catch (Exception e)
            {
                var inner = Inner(e);
                throw new HostFailureException(ExitCodes.LoadError,
                    $"The application's services could not create {candidate.Name} ({inner.GetType().Name}: {inner.Message}); fix its registration or constructor, or add an IDesignTimeDbContextFactory<{candidate.Name}>.", inner);
            }
        }

        private static DbContext FromConstructor(ContextCandidate candidate)
        {
            try
            {
                return (DbContext)Activator.CreateInstance(candidate.ContextType)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new HostFailureException(ExitCodes.LoadError,
                    $"The constructor of {candidate.Name} threw {e.InnerException.GetType().Name} ({e.InnerException.Message}); fix it, or add an IDesignTimeDbContextFactory<{candidate.Name}> that creates the context for design time.", e.InnerException);
            }
        }

        private static Exception Inner(Exception e)
        {
            while (e is TargetInvocationException && e.InnerException is not null) e = e.InnerException;
            return e;
        }
    }
}
