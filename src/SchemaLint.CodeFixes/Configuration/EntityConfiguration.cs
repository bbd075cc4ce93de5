using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.CodeFixes.Configuration
{
    internal enum FluentBlockKind
    {
        /// <summary><c>Configure(EntityTypeBuilder&lt;T&gt; builder)</c> of an <c>IEntityTypeConfiguration&lt;T&gt;</c>.</summary>
        ConfigurationClass,
        /// <summary><c>modelBuilder.Entity&lt;T&gt;(b =&gt; ...)</c>.</summary>
        EntityLambda,
        /// <summary><c>var b = modelBuilder.Entity&lt;T&gt;();</c> followed by statements on <c>b</c>.</summary>
        EntityVariable,
        /// <summary>A statement that starts with <c>modelBuilder.Entity&lt;T&gt;()</c>.</summary>
        EntityStatement,
    }

    /// <summary>A place where code configures the entity type through Fluent API, and how that code names the entity's builder.</summary>
    internal sealed class FluentBlock
    {
        public FluentBlock(DocumentId document, FluentBlockKind kind, SyntaxNode anchor, string builder)
        {
            Document = document;
            Kind = kind;
            Anchor = anchor;
            Builder = builder;
        }

        public DocumentId Document { get; }

        public FluentBlockKind Kind { get; }

        /// <summary>The Configure method, the lambda, the variable's declaration statement, or the statement.</summary>
        public SyntaxNode Anchor { get; }

        /// <summary>The expression that is the entity's builder there: <c>builder</c>, <c>b</c>, <c>modelBuilder.Entity&lt;Expense&gt;()</c>.</summary>
        public string Builder { get; }

        /// <summary>The preference among several blocks: a configuration class first, a lone statement last.</summary>
        public int Rank => (int)Kind;
    }

    /// <summary>A call on the entity's builder (<c>Property</c>, <c>HasIndex</c>, <c>HasOne</c>, ...), where it is.</summary>
    internal sealed class BuilderCall
    {
        public BuilderCall(DocumentId document, InvocationExpressionSyntax invocation, string methodName)
        {
            Document = document;
            Invocation = invocation;
            MethodName = methodName;
        }

        public DocumentId Document { get; }

        public InvocationExpressionSyntax Invocation { get; }

        public string MethodName { get; }
    }

    /// <summary>
    /// How an entity type is configured in source: the Fluent blocks that configure it, the calls on its builder, and whether
    /// its class carries data annotations. Fixes read it to write their remedy in the style already in use.
    /// </summary>
    internal sealed class EntityConfiguration
    {
        public EntityConfiguration(INamedTypeSymbol type, IReadOnlyList<FluentBlock> blocks, IReadOnlyList<BuilderCall> calls, bool usesAnnotations, bool isOwned)
        {
            Type = type;
            IsOwned = isOwned;
            Blocks = blocks;
            Calls = calls;
            UsesAnnotations = usesAnnotations;
        }

        public INamedTypeSymbol Type { get; }

        public IReadOnlyList<FluentBlock> Blocks { get; }

        public IReadOnlyList<BuilderCall> Calls { get; }

        /// <summary>
        /// An owned type (<c>[Owned]</c>, or the type of an <c>OwnsOne</c>/<c>OwnsMany</c>): <c>modelBuilder.Entity&lt;T&gt;()</c>
        /// on it would turn it into a second, regular entity type and EF Core would refuse the model, so no Fluent statement may
        /// be written for it outside its owner's builder.
        /// </summary>
        public bool IsOwned { get; }

        /// <summary>The class or its members carry EF Core or data-annotation attributes.</summary>
        public bool UsesAnnotations { get; }

        /// <summary>
        /// The entity is configured through Fluent API: a configuration class, an <c>Entity&lt;T&gt;(b =&gt; ...)</c> block or a
        /// builder variable; or only lone <c>Entity&lt;T&gt;()</c> statements and no attributes. Lone statements beside
        /// attributes are what annotation users write for the few things attributes cannot say (defaults), so the attributes decide.
        /// </summary>
        public bool IsFluentStyle => Blocks.Any(b => b.Kind != FluentBlockKind.EntityStatement) || (Blocks.Count > 0 && !UsesAnnotations);

        /// <summary>The block new Fluent statements go to: the preferred kind, the first of it.</summary>
        public FluentBlock? PreferredBlock => Blocks.OrderBy(b => b.Rank).FirstOrDefault();

        public IEnumerable<BuilderCall> CallsNamed(string methodName) => Calls.Where(c => c.MethodName == methodName);
    }
}
