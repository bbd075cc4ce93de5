using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// What an edit changed in a tree's declarations, as other trees' binding sees them: the names of the members added,
    /// removed or changed (signature, attributes, initializer; bodies left out), or "everything" when the edit changed
    /// something whose reach cannot be told by name (a type's header, a type added or removed, a using, an operator).
    /// A body elsewhere binds differently after the edit only if it names one of the changed members.
    /// </summary>
    internal sealed class DeclarationDelta
    {
        private DeclarationDelta(HashSet<string>? changedMembers) => ChangedMembers = changedMembers;

        /// <summary>Names of the changed members; null when the change may reach any binding.</summary>
        public HashSet<string>? ChangedMembers { get; }

        public static DeclarationDelta Between(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
        {
            var old = Declarations.Of(before.GetRoot(cancellationToken));
            var edited = Declarations.Of(after.GetRoot(cancellationToken));
            if (old.Reaching != edited.Reaching || !SameKeys(old.TypeHeaders, edited.TypeHeaders)) return new DeclarationDelta(null);

            var changed = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in old.Members.Keys.Union(edited.Members.Keys))
            {
                old.Members.TryGetValue(member, out var oldText);
                edited.Members.TryGetValue(member, out var newText);
                if (oldText != newText) changed.Add(NameIn(member));
            }

            return new DeclarationDelta(changed);
        }

        /// <summary>The member's name from its key ("type path|name|ordinal"), as other files write it.</summary>
        private static string NameIn(string key)
        {
            var start = key.IndexOf('|') + 1;
            return key.Substring(start, key.LastIndexOf('|') - start);
        }

        private static bool SameKeys(Dictionary<string, string> before, Dictionary<string, string> after) =>
            before.Count == after.Count && before.All(entry => after.TryGetValue(entry.Key, out var text) && text == entry.Value);

        /// <summary>One tree's declarations: text that reaches every binding, type headers, and member signatures by name.</summary>
        private sealed class Declarations
        {
            private readonly StringBuilder _reaching = new StringBuilder();

            public string Reaching => _reaching.ToString();

            /// <summary>Per type (by its path and its place among partial declarations in this tree): its header text.</summary>
            public Dictionary<string, string> TypeHeaders { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal);

            /// <summary>Per "type path|member name|ordinal among that name's members": the member's text without bodies.</summary>
            public Dictionary<string, string> Members { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal);

            public static Declarations Of(SyntaxNode root)
            {
                var declarations = new Declarations();
                declarations.Visit(root, string.Empty);
                return declarations;
            }

            private void Visit(SyntaxNode container, string path)
            {
                var ordinals = new Dictionary<string, int>(System.StringComparer.Ordinal);
                foreach (var child in container.ChildNodes())
                {
                    switch (child)
                    {
                        case UsingDirectiveSyntax or ExternAliasDirectiveSyntax or AttributeListSyntax:
                            _reaching.Append(child.ToString()).Append('\n');
                            break;
                        case BaseNamespaceDeclarationSyntax ns:
                            _reaching.Append("namespace ").Append(ns.Name).Append('\n');
                            Visit(ns, path + ns.Name + ".");
                            break;
                        case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                            var name = TypeName((MemberDeclarationSyntax)child);
                            var key = path + name + "#" + Next(ordinals, "type " + name);
                            TypeHeaders[key] = Header((MemberDeclarationSyntax)child);
                            if (child is TypeDeclarationSyntax type) Visit(type, path + name + "+");
                            else if (child is EnumDeclarationSyntax enumeration)
                            {
                                foreach (var member in enumeration.Members) Member(path + name, member.Identifier.ValueText, member.ToString(), ordinals);
                            }

                            break;
                        case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or GlobalStatementSyntax:
                            // An operator changes what expressions mean without being named; top-level statements hold the entry point.
                            _reaching.Append(WithoutBodies(child)).Append('\n');
                            break;
                        case BaseFieldDeclarationSyntax field:
                            foreach (var variable in field.Declaration.Variables) Member(path, variable.Identifier.ValueText, WithoutBodies(child), ordinals);
                            break;
                        case MethodDeclarationSyntax method:
                            Member(path, method.Identifier.ValueText, WithoutBodies(child), ordinals);
                            break;
                        case PropertyDeclarationSyntax property:
                            Member(path, property.Identifier.ValueText, WithoutBodies(child), ordinals);
                            break;
                        case EventDeclarationSyntax @event:
                            Member(path, @event.Identifier.ValueText, WithoutBodies(child), ordinals);
                            break;
                        case IndexerDeclarationSyntax:
                            Member(path, "this[]", WithoutBodies(child), ordinals);
                            break;
                        case ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                            // Constructors are named by their type: a changed one changes how `new T(...)` binds.
                            var owner = container is BaseTypeDeclarationSyntax declaring ? declaring.Identifier.ValueText : ".ctor";
                            Member(path, owner, WithoutBodies(child), ordinals);
                            break;
                        default:
                            _reaching.Append(WithoutBodies(child)).Append('\n');
                            break;
                    }
                }
            }

            private void Member(string path, string name, string text, Dictionary<string, int> ordinals) =>
                Members[path + "|" + name + "|" + Next(ordinals, name)] = text;

            private static int Next(Dictionary<string, int> ordinals, string name)
            {
                ordinals.TryGetValue(name, out var ordinal);
                ordinals[name] = ordinal + 1;
                return ordinal;
            }

            private static string TypeName(MemberDeclarationSyntax type) => type switch
            {
                BaseTypeDeclarationSyntax declaration => declaration.Identifier.ValueText + Arity((declaration as TypeDeclarationSyntax)?.TypeParameterList),
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText + Arity(@delegate.TypeParameterList),
                _ => "?",
            };

            private static string Arity(TypeParameterListSyntax? parameters) => parameters is null ? string.Empty : "`" + parameters.Parameters.Count;

            /// <summary>A type's text up to its members: attributes, modifiers, name, type parameters, bases, constraints, primary constructor.</summary>
            private static string Header(MemberDeclarationSyntax type)
            {
                if (type is not BaseTypeDeclarationSyntax declaration || declaration.OpenBraceToken.IsKind(SyntaxKind.None)) return WithoutBodies(type);
                return type.SyntaxTree.GetText().ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(type.Span.Start, declaration.OpenBraceToken.Span.Start));
            }

            private static string WithoutBodies(SyntaxNode node)
            {
                var text = node.ToString();
                var bodies = BodyEdits.BodiesIn(node);
                if (bodies.Count == 0) return text;
                var builder = new StringBuilder();
                var from = node.Span.Start;
                foreach (var body in bodies)
                {
                    builder.Append(text, from - node.Span.Start, body.Span.Start - from).Append("{}");
                    from = body.Span.End;
                }

                builder.Append(text, from - node.Span.Start, node.Span.End - from);
                return builder.ToString();
            }
        }
    }
}
