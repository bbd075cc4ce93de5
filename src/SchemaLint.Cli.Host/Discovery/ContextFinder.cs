using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using SchemaLint.Cli.Protocol;

namespace SchemaLint.Cli.Host.Discovery
{
    /// <summary>
    /// Finds DbContext types in dotnet ef's order: design-time factories, contexts registered in the application's services,
    /// then DbContext types declared in the assembly. Each is listed once, with every way it can be created.
    /// </summary>
    internal static class ContextFinder
    {
        public static IReadOnlyList<Type> LoadableTypes(Assembly application)
        {
            try
            {
                return application.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                return e.Types.Where(t => t is not null).Select(t => t!).ToArray();
            }
        }

        public static Dictionary<Type, Type> FindFactories(IEnumerable<Type> types)
        {
            var factories = new Dictionary<Type, Type>();
            foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters))
            {
                foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
                    factories.TryAdd(contract.GetGenericArguments()[0], type);
            }

            return factories;
        }

        public static List<ContextCandidate> Find(IReadOnlyList<Type> types, Dictionary<Type, Type> factories, IServiceProvider? services, List<string> notes)
        {
            var candidates = new List<ContextCandidate>();
            ContextCandidate Add(Type type)
            {
                var existing = candidates.FirstOrDefault(c => c.ContextType == type);
                if (existing is not null) return existing;
                var candidate = new ContextCandidate(type);
                candidates.Add(candidate);
                return candidate;
            }

            foreach (var factory in factories) Add(factory.Key).FactoryType = factory.Value;
            if (services is not null)
            {
                foreach (var registered in RegisteredContextTypes(services, notes)) Add(registered).IsRegistered = true;
            }

            foreach (var type in types.Where(IsConcreteContext)) Add(type);
            return candidates;
        }

        public static List<ContextCandidate> Select(List<ContextCandidate> candidates, string? requested, string assemblyName)
        {
            if (candidates.Count == 0)
                throw new HostFailureException(ExitCodes.InputError,
                    $"No DbContext was found in '{assemblyName}' (no design-time factory, no context registered in its services, no DbContext type); point schemalint at the project or assembly that defines or registers your DbContext.");
            if (requested is null) return candidates;

            var byFullName = candidates.Where(c => string.Equals(c.FullName, requested, StringComparison.Ordinal)).ToList();
            if (byFullName.Count == 0) byFullName = candidates.Where(c => string.Equals(c.FullName, requested, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byFullName.Count == 1) return byFullName;

            var byName = candidates.Where(c => string.Equals(c.Name, requested, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byName.Count == 1) return byName;
            if (byName.Count > 1)
                throw new HostFailureException(ExitCodes.InputError,
                    $"Several DbContexts are named '{requested}' ({string.Join(", ", byName.Select(c => c.FullName))}); give --context the full name of one.");
            throw new HostFailureException(ExitCodes.InputError,
                $"No DbContext named '{requested}' was found in '{assemblyName}'; found: {string.Join(", ", candidates.Select(c => c.FullName))}.");
        }

        private static bool IsConcreteContext(Type type) =>
            typeof(DbContext).IsAssignableFrom(type) && type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters;

        private static IEnumerable<Type> RegisteredContextTypes(IServiceProvider services, List<string> notes)
        {
            // Options are scoped by default, and a Development host validates scopes: resolve them in a scope.
            try
            {
                using var scope = services.CreateScope();
                return scope.ServiceProvider.GetServices<DbContextOptions>().Select(o => o.ContextType).Where(t => t != typeof(DbContext)).Distinct().ToList();
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                notes.Add($"The DbContext registrations in the application's services could not be listed ({e.Message}).");
                return Array.Empty<Type>();
            }
        }
    }
}
