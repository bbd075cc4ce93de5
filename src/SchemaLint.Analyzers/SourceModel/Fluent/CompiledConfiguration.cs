using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaLint.Analyzers.SourceModel.Drafts;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Model building that lives in compiled code (a base context's OnModelCreating in a package, a package's extension on
    /// ModelBuilder). Compiled code can only name the types its own assemblies declare and the type arguments it is given,
    /// unless it enumerates the model by reflection. For the packages listed here, whose source is public and does no such
    /// thing, that bounds what it reaches; any other compiled code that receives the ModelBuilder makes the model unknown.
    /// </summary>
    internal static class CompiledConfiguration
    {
        private static readonly string[] ScopedAssemblies =
        {
            "Microsoft.AspNetCore.Identity.EntityFrameworkCore",
            "Microsoft.AspNetCore.ApiAuthorization.IdentityServer",
            "OpenIddict.EntityFrameworkCore",
            "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore",
        };

        /// <summary>A base context's OnModelCreating without source, called by the context's own.</summary>
        public static void ApplyModelBuilding(ModelDraft model, IMethodSymbol method)
        {
            if (!IsScoped(model, method))
            {
                model.MakeOpaque(Describe(method, "is compiled code that receives the ModelBuilder"));
                return;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
                model.AddCompiledReach(type.TypeArguments);
        }

        /// <summary>
        /// A compiled method that receives the ModelBuilder (and nothing narrower): recorded as reaching its own types and its
        /// type arguments when it is one of the scoped packages. False when the caller must treat it as unseen code.
        /// </summary>
        public static bool TryApply(ModelDraft model, IMethodSymbol method, IReadOnlyList<Binding?> passed)
        {
            if (method.DeclaringSyntaxReferences.Length > 0 || !IsScoped(model, method)) return false;
            if (passed.Any(binding => binding is not null && !binding.IsModel)) return false;
            model.AddCompiledReach(method.TypeArguments);
            if (method.ContainingType is { } containing) model.AddCompiledReach(containing.TypeArguments);
            return true;
        }

        /// <summary>
        /// After discovery: entity types declared outside the application are configured by that compiled code, so every fact
        /// about them is unknown; the application's types it was handed keep what their own source says about their own
        /// members and their conventional key, and lose what it may have configured (relationships, indexes, the members
        /// they inherit from the package).
        /// </summary>
        public static void MarkReached(ModelDraft model, IAssemblySymbol application)
        {
            if (!model.HasCompiledConfiguration) return;
            foreach (var entity in model.Entities)
            {
                if (!IsDeclaredIn(model.SymbolOf(entity), application))
                {
                    entity.MakeOpaque();
                    continue;
                }

                if (!Reaches(model, model.SymbolOf(entity))) continue;
                // Its key stays the one conventions find (compiled code keys its own types as conventions do; a different key
                // would break every relationship it configures), so the application's relationships to it still resolve.
                entity.Unknown |= Core.Model.ModelCompleteness.ForeignKeys | Core.Model.ModelCompleteness.Indexes | Core.Model.ModelCompleteness.CheckConstraints;
                foreach (var property in entity.Declared)
                {
                    if (property.Member is { IsField: false, IsDeclaredInSource: false }) property.IsOpaque = true;
                }
            }
        }

        private static bool Reaches(ModelDraft model, INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (model.CompiledReach.Contains(current)) return true;
            }

            return false;
        }

        private static bool IsDeclaredIn(INamedTypeSymbol type, IAssemblySymbol assembly) =>
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, assembly);

        private static bool IsScoped(ModelDraft model, IMethodSymbol method) =>
            method.ContainingAssembly is { } assembly
            && (Array.IndexOf(ScopedAssemblies, assembly.Identity.Name) >= 0 || model.ScopedModelBuilders.Contains(assembly.Identity.Name, StringComparer.OrdinalIgnoreCase));

        /// <summary>"'Outbox.UseOutbox' (assembly Outbox.Ef) is compiled code that ...; if it configures only ...": what SL0003 tells.</summary>
        public static string Describe(IMethodSymbol method, string what)
        {
            var assembly = method.ContainingAssembly?.Identity.Name ?? "a referenced assembly";
            return $"'{method.ContainingType?.Name}.{method.Name}' (assembly {assembly}) {what}; if it configures only the entity types "
                + $"{assembly} declares and the type arguments it is given, add {assembly} to schemalint.scoped_model_builders";
        }
    }
}
