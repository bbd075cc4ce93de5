namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>A builder the reader is tracking (model, entity, property, relationship, ...).</summary>
    internal abstract class Binding
    {
        /// <summary>Applies one chained call; returns the builder the call returns, or null when the call is not understood.</summary>
        public abstract Binding? Apply(ChainStep step);

        /// <summary>Code this reader cannot follow used the builder: what it configures becomes unknown.</summary>
        public abstract void Taint();

        /// <summary>
        /// Reaching this builder selects part of the model (an entity, a property, a navigation) without stating a fact;
        /// builders whose creation is itself a fact (a relationship, an index, a key) return false.
        /// </summary>
        public virtual bool SelectsOnly => false;

        /// <summary>The builder of the whole model: code that only might run must not make all of it unknown by a call it cannot read.</summary>
        public virtual bool IsModel => false;
    }

    /// <summary>A builder whose calls cannot change any fact this reader records (sequences, discriminator values, key names).</summary>
    internal sealed class InertBinding : Binding
    {
        public static readonly InertBinding Instance = new InertBinding();

        public override Binding? Apply(ChainStep step) => this;

        public override void Taint()
        {
        }

        public override bool SelectsOnly => true;
    }
}
