using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaLint.CodeFixes.Configuration;
using SchemaLint.CodeFixes.Editing;
using SchemaLint.CodeFixes.Infrastructure;
using SchemaLint.Core.Engine;
using SchemaLint.Core.Options;
using SchemaLint.Core.Rules;

namespace SchemaLint.CodeFixes.Fixes.Timestamps
{
    /// <summary>
    /// SL3001: adds the missing created/updated properties to the entity class. Names are the first of the options'
    /// <c>schemalint.created_names</c>/<c>updated_names</c> (CreatedAt and UpdatedAt by default); the type is DateTimeOffset
    /// when the model's other timestamps mostly use it, DateTime otherwise.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimestampsFix)), Shared]
    public sealed class TimestampsFix : SchemaLintCodeFix
    {
        internal override bool ChangesMembersOthersUse => true;

        public const string AddTimestamps = "SL3001.AddTimestamps";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingTimestamps);

        internal override async Task<IReadOnlyList<FixChoice>> ChoicesAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var declaration = await DeclarationAsync(target, cancellationToken).ConfigureAwait(false);
            var missing = Missing(target);
            return Offer(declaration is not null && missing.Count > 0, $"Add {string.Join(" and ", missing.Select(m => m + " timestamp"))}", AddTimestamps);
        }

        internal override async Task<Solution> ApplyAsync(string equivalenceKey, FixTarget target, CancellationToken cancellationToken)
        {
            var declaration = (await DeclarationAsync(target, cancellationToken).ConfigureAwait(false))!;
            var document = target.Solution.GetDocument(declaration.SyntaxTree)!;
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
            var fileOptions = options.GetOptions(declaration.SyntaxTree);

            string Name(string key, string fallback)
            {
                if (!fileOptions.TryGetValue(key, out var value) && !options.GlobalOptions.TryGetValue(key, out value)) return fallback;
                return FirstName(value) ?? fallback;
            }

            var vocabulary = SchemaLintOptions.FromKeyValues(new[] { SchemaLintOptions.Keys.CreatedNames, SchemaLintOptions.Keys.UpdatedNames }
                .Select(k => fileOptions.TryGetValue(k, out var v) || options.GlobalOptions.TryGetValue(k, out v) ? new KeyValuePair<string, string>(k, v) : default)
                .Where(p => p.Key is not null));
            var type = PreferredType(compilation, vocabulary, cancellationToken);

            var names = Missing(target).Select(kind => kind == "created"
                ? Name(SchemaLintOptions.Keys.CreatedNames, "CreatedAt")
                : Name(SchemaLintOptions.Keys.UpdatedNames, "UpdatedAt")).ToList();

            var current = (ClassDeclarationSyntax)root.FindNode(declaration.Span);
            var eol = Layout.EndOfLine(root);
            // Beside the timestamp the class already has, else after the last property.
            var properties = current.Members.OfType<PropertyDeclarationSyntax>().ToList();
            var lastProperty = properties.LastOrDefault(p => vocabulary.CreatedNames.Matches(p.Identifier.ValueText) || vocabulary.UpdatedNames.Matches(p.Identifier.ValueText))
                ?? properties.LastOrDefault();
            var indent = lastProperty is not null ? Layout.IndentationOf(lastProperty) : Layout.IndentationOf(current) + Layout.IndentUnit;
            var added = names.Select(n => (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration($"public {type} {n} {{ get; set; }}")!
                .WithLeadingTrivia(Layout.Indent(indent)).WithTrailingTrivia(eol)).ToList();
            var members = lastProperty is null ? current.Members.InsertRange(0, added) : current.Members.InsertRange(current.Members.IndexOf(lastProperty) + 1, added);
            var rewritten = root.ReplaceNode(current, current.WithMembers(members));
            rewritten = ImportEditor.AddUsing(compilation, rewritten, "System");
            return target.Solution.WithDocumentSyntaxRoot(document.Id, rewritten);
        }

        private static IReadOnlyList<string> Missing(FixTarget target) =>
            (target.Property(FindingProperties.MissingTimestamps) ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim()).Where(s => s == "created" || s == "updated").ToList();

        private static async Task<ClassDeclarationSyntax?> DeclarationAsync(FixTarget target, CancellationToken cancellationToken)
        {
            var compilation = await target.Document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var type = compilation is null ? null : ConfigurationLocator.ResolveEntityType(compilation, target.EntityName);
            var reference = type?.DeclaringSyntaxReferences.FirstOrDefault();
            return reference is null ? null : await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) as ClassDeclarationSyntax;
        }

        /// <summary>The first name an option value adds (<c>created_on</c> becomes CreatedOn), or null for removals only.</summary>
        private static string? FirstName(string value)
        {
            var items = value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()).Where(i => i.Length > 0 && i[0] != '-').ToList();
            var first = items.FirstOrDefault()?.TrimStart('+').Trim();
            if (string.IsNullOrEmpty(first)) return null;
            var words = first!.Split(new[] { '_', '-', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            return SyntaxFacts.IsValidIdentifier(name) ? name : null;
        }

        /// <summary>DateTimeOffset when most of the project's created/updated properties use it, DateTime otherwise.</summary>
        private static string PreferredType(Compilation compilation, SchemaLintOptions vocabulary, CancellationToken cancellationToken)
        {
            int offsets = 0, dateTimes = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var property in tree.GetRoot(cancellationToken).DescendantNodes().OfType<PropertyDeclarationSyntax>())
                {
                    var name = property.Identifier.ValueText;
                    if (!vocabulary.CreatedNames.Matches(name) && !vocabulary.UpdatedNames.Matches(name)) continue;
                    var type = property.Type is NullableTypeSyntax nullable ? nullable.ElementType : property.Type;
                    var text = type.ToString();
                    if (text is "DateTimeOffset" or "System.DateTimeOffset") offsets++;
                    else if (text is "DateTime" or "System.DateTime") dateTimes++;
                }
            }

            return offsets > dateTimes ? "DateTimeOffset" : "DateTime";
        }
    }
}
