using SchemaLint.Analyzers.SourceModel.Drafts;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>The <c>ModelConfigurationBuilder</c> of ConfigureConventions: global column conventions and removed conventions.</summary>
    internal sealed class ConventionsBinding : Binding
    {
        /// <summary>Conventions whose removal this reader models; removing any other changes facts it does not track.</summary>
        private static readonly string[] UnderstoodRemovals = { "ForeignKeyIndexConvention", "TableNameFromDbSetConvention" };

        private readonly ModelDraft _model;

        public ConventionsBinding(ModelDraft model)
        {
            _model = model;
        }

        public override void Taint() => _model.ConventionsOpaque = true;

        public override Binding? Apply(ChainStep step)
        {
            switch (step.Name)
            {
                case "Properties" when step.IsCall && step.TypeArguments.Count == 1:
                    return new TypeConventionBinding(_model, step.TypeArguments[0].ToString().Replace("System.", string.Empty));
                case "Conventions" when !step.IsCall:
                    return new ConventionSetBinding(_model);
                case "DefaultTypeMapping":
                    return step.IsCall ? InertBinding.Instance : null;
                default:
                    return null;
            }
        }

        private sealed class TypeConventionBinding : Binding
        {
            private readonly ModelDraft _model;
            private readonly string _type;

            public TypeConventionBinding(ModelDraft model, string type)
            {
                _model = model;
                _type = type;
            }

            public override void Taint() => _model.ConventionsOpaque = true;

            public override Binding? Apply(ChainStep step)
            {
                if (!step.IsCall) return null;
                if (step.Name == "HaveConversion" || step.Name == "AreUnicode" || step.Name == "AreFixedLength") return this;
                var isDecimal = _type == "decimal" || _type == "Decimal" || _type == "decimal?";
                var isString = _type == "string" || _type == "String" || _type == "string?";
                if (isDecimal && step.Name == "HavePrecision")
                {
                    var precision = step.Int(0);
                    var scale = step.Arguments.Count > 1 ? step.Int(1) : null;
                    if (precision is null || (step.Arguments.Count > 1 && scale is null)) return null;
                    _model.DecimalPrecision = new Configured<(int?, int?)>((precision, scale), step.Location);
                    return this;
                }

                if (isString && step.Name == "HaveMaxLength")
                {
                    var length = step.Int(0);
                    if (length is null) return null;
                    _model.StringMaxLength = new Configured<int?>(length, step.Location);
                    return this;
                }

                return null;
            }
        }

        private sealed class ConventionSetBinding : Binding
        {
            private readonly ModelDraft _model;

            public ConventionSetBinding(ModelDraft model)
            {
                _model = model;
            }

            public override void Taint() => _model.MakeOpaque();

            public override Binding? Apply(ChainStep step)
            {
                if (!step.IsCall || step.Name != "Remove") return null;
                string? name = null;
                if (step.TypeArguments.Count == 1) name = step.TypeArguments[0].ToString();
                else if (step.Arguments.Count == 1 && step.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.TypeOfExpressionSyntax typeOf) name = typeOf.Type.ToString();
                if (name is null) return null;
                var simple = name.Substring(name.LastIndexOf('.') + 1);
                if (System.Array.IndexOf(UnderstoodRemovals, simple) < 0) return null;
                _model.RemovedConventions.Add(simple);
                return this;
            }
        }
    }
}
