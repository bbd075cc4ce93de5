using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.CodeFixes.Editing
{
    /// <summary>Adds a <c>using</c> directive when neither the file nor a global using imports the namespace yet.</summary>
    internal static class ImportEditor
    {
        public static bool IsImported(Compilation compilation, CompilationUnitSyntax root, string ns)
        {
            if (root.Usings.Any(u => Imports(u, ns))) return true;
            if (root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>()
                .Any(n => n.Usings.Any(u => Imports(u, ns)) || IsWithin(n.Name.ToString(), ns))) return true;

            // Global usings (including the SDK's implicit ones) live in other files of the compilation.
            return compilation.SyntaxTrees.Any(tree => tree.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && Imports(u, ns)));
        }

        public static CompilationUnitSyntax AddUsing(Compilation compilation, CompilationUnitSyntax root, string ns)
        {
            if (IsImported(compilation, root, ns)) return root;
            var eol = Layout.EndOfLine(root);
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(eol);

            var usings = root.Usings;
            var plain = usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).ToList();
            if (plain.Count == 0)
            {
                // The first directive in the file: keep the file's leading trivia (comments, #nullable) in front of it.
                var first = root.GetFirstToken(includeZeroWidth: true);
                var leading = first.LeadingTrivia;
                root = root.ReplaceToken(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty));
                directive = directive.WithLeadingTrivia(leading).WithTrailingTrivia(eol, eol);
                return root.WithUsings(root.Usings.Insert(0, directive));
            }

            var before = plain.FirstOrDefault(u => Compare(ns, u.Name!.ToString()) < 0);
            var index = before is null ? usings.IndexOf(plain.Last()) + 1 : usings.IndexOf(before);
            if (before is not null && index == 0)
            {
                // Taking the first place: the file's leading trivia stays first.
                var leading = before.GetLeadingTrivia();
                root = root.ReplaceNode(before, before.WithLeadingTrivia(SyntaxTriviaList.Empty));
                directive = directive.WithLeadingTrivia(leading);
            }

            return root.WithUsings(root.Usings.Insert(index, directive));
        }

        /// <summary>System namespaces first, then ordinal order, as the default .editorconfig sorts them.</summary>
        private static int Compare(string a, string b)
        {
            var aSystem = a == "System" || a.StartsWith("System.", StringComparison.Ordinal);
            var bSystem = b == "System" || b.StartsWith("System.", StringComparison.Ordinal);
            if (aSystem != bSystem) return aSystem ? -1 : 1;
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }

        private static bool Imports(UsingDirectiveSyntax directive, string ns) =>
            directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is not null
            && string.Equals(directive.Name.ToString().Replace("global::", string.Empty), ns, StringComparison.Ordinal);

        /// <summary>Code inside namespace <c>A.B</c> sees <c>A</c> and <c>A.B</c> without a directive.</summary>
        private static bool IsWithin(string declared, string ns) =>
            string.Equals(declared, ns, StringComparison.Ordinal) || declared.StartsWith(ns + ".", StringComparison.Ordinal);
    }
}
