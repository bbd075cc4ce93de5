using Microsoft.CodeAnalysis;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Infrastructure
{
    internal static class SourceLocations
    {
        /// <summary>Files without a path (in-memory trees) still need one, since a <see cref="SourceLocation"/> always names its file.</summary>
        public const string UnnamedFile = "<source>";

        public static SourceLocation From(Location location)
        {
            var span = location.GetLineSpan();
            var path = string.IsNullOrEmpty(location.SourceTree?.FilePath) ? UnnamedFile : location.SourceTree!.FilePath;
            return new SourceLocation(
                path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                location.SourceSpan.Start,
                location.SourceSpan.Length,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1);
        }
    }
}
