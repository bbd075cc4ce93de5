using System;
using System.Linq.Expressions;
using Microsoft.CodeAnalysis;

namespace SchemaLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The semantic models the readers create for trees other than the one an action was handed (configuration classes,
    /// OnModelCreating, service bodies, migrations). They only ask which symbol, type or constant a node denotes, never a
    /// nullable flow state, so they skip nullable analysis where the host's Roslyn lets them: otherwise the first question
    /// about a method body runs nullable analysis over all of it (about a tenth of a fresh extraction at 1,000 entities,
    /// a fifth at 5,000). The option is not in the Roslyn 4.5 this assembly compiles against, so it is looked up once; Roslyn
    /// marks it experimental (RSEXPERIMENTAL001, dotnet/roslyn#70609; its own semantic classification uses it), and if a
    /// later Roslyn drops it the readers fall back to the default models.
    /// </summary>
    internal static class ReaderSemanticModels
    {
        private static readonly Func<Compilation, SyntaxTree, SemanticModel>? WithoutNullableAnalysis = CreateWithoutNullableAnalysis();

        public static SemanticModel For(Compilation compilation, SyntaxTree tree) =>
            WithoutNullableAnalysis is { } create ? create(compilation, tree) : compilation.GetSemanticModel(tree);

        /// <summary>Whether the host's Roslyn has the option (SemanticModelOptions.DisableNullableAnalysis).</summary>
        public static bool SkipNullableAnalysis => WithoutNullableAnalysis is not null;

        private static Func<Compilation, SyntaxTree, SemanticModel>? CreateWithoutNullableAnalysis()
        {
            try
            {
                var optionsType = typeof(Compilation).Assembly.GetType("Microsoft.CodeAnalysis.SemanticModelOptions");
                if (optionsType is null || !optionsType.IsEnum || !Enum.IsDefined(optionsType, "DisableNullableAnalysis")) return null;
                var method = typeof(Compilation).GetMethod(nameof(Compilation.GetSemanticModel), new[] { typeof(SyntaxTree), optionsType });
                if (method is null || method.ReturnType != typeof(SemanticModel)) return null;

                var compilation = Expression.Parameter(typeof(Compilation), "compilation");
                var tree = Expression.Parameter(typeof(SyntaxTree), "tree");
                var options = Expression.Constant(Enum.Parse(optionsType, "DisableNullableAnalysis"), optionsType);
                return Expression.Lambda<Func<Compilation, SyntaxTree, SemanticModel>>(Expression.Call(compilation, method, tree, options), compilation, tree).Compile();
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is NotSupportedException || e is System.Reflection.AmbiguousMatchException)
            {
                // A host whose reflection or expression compiler refuses this keeps the default models: slower, same answers.
                return null;
            }
        }
    }
}
