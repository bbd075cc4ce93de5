using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SchemaLint.Analyzers.Infrastructure;
using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.Schema
{
    /// <summary>
    /// SL3003: <c>DateTime.Now</c> or <c>DateTime.Today</c> assigned (in an assignment, an object initializer or a property
    /// initializer) to a DateTime property that some context maps. The site is recorded in a model of that one property and
    /// judged by Core's rule, so entity exclusions and the message are the engine's.
    /// </summary>
    internal static class LocalTimeWrites
    {
        public static void Analyze(OperationAnalysisContext context, CompilationSchema schema)
        {
            var (target, instanceType, value) = Unpack(context.Operation);
            if (target is null || value is null || !LocalTimeSources.IsDateTime(target.Type)) return;

            // Cheap checks first: most assignments are not local time, and those never build the schema.
            var sources = LocalTimeSources.In(value).ToList();
            if (sources.Count == 0) return;

            var analyzed = schema.Get(context.CancellationToken);
            var mapped = MappedProperty(schema, analyzed, target, instanceType);
            if (mapped is null) return;
            var (model, entity, property) = mapped.Value;

            foreach (var source in sources)
            {
                // The IDE computes diagnostics for the span the light bulb asks about, running only the actions whose node is
                // in it; a diagnostic elsewhere would show no fix there. Local time read from a local or a field is therefore
                // reported where it is written into the timestamp, and the fix follows it back to where it was stored.
                var location = value.Syntax.Span.Contains(source.Syntax.Span) && value.Syntax.SyntaxTree == source.Syntax.SyntaxTree
                    ? source.Syntax.GetLocation()
                    : value.Syntax.GetLocation();
                var site = SingleRuleEngines.CodeModel();
                site.Provider = model.Provider;
                var siteEntity = site.AddEntity(new EntityTypeModel(entity.Name, entity.ShortName) { TableName = entity.TableName, Schema = entity.Schema, Mapping = entity.Mapping });
                var siteProperty = siteEntity.AddProperty(new PropertyModel(property.Name, property.ClrType));
                siteProperty.LocalTimeWrites.Add(SourceLocations.From(location));
                SingleRuleEngines.Report(SingleRuleEngines.LocalTimeInTimestamp, site, schema.OptionsFor(source.Syntax.SyntaxTree), location, model.ContextName, schema.Baseline, context.ReportDiagnostic);
            }
        }

        private static (IPropertySymbol? Target, ITypeSymbol? InstanceType, IOperation? Value) Unpack(IOperation operation) => operation switch
        {
            IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment => (target.Property, target.Instance?.Type, assignment.Value),
            IPropertyInitializerOperation initializer when initializer.InitializedProperties.Length == 1 =>
                (initializer.InitializedProperties[0], initializer.InitializedProperties[0].ContainingType, initializer.Value),
            _ => (null, null, null),
        };

        /// <summary>
        /// The entity property the write lands in: on the receiver's type, on the declaring type, or, for a property declared on an
        /// unmapped base class (an initializer there), on a mapped type derived from it.
        /// </summary>
        private static (SchemaModel Model, EntityTypeModel Entity, PropertyModel Property)? MappedProperty(CompilationSchema schema, AnalyzedSchema analyzed, IPropertySymbol target, ITypeSymbol? instanceType)
        {
            var candidates = new List<(SchemaModel Model, EntityTypeModel Entity)>();
            if (instanceType is INamedTypeSymbol receiver) candidates.AddRange(analyzed.EntitiesFor(receiver));
            candidates.AddRange(analyzed.EntitiesFor(target.ContainingType));
            if (candidates.Count == 0) candidates.AddRange(analyzed.EntitiesDerivedFrom(target.ContainingType, schema.TypeNamed));

            foreach (var (model, entity) in candidates)
            {
                var property = model.FindProperty(entity, target.Name);
                if (property is null || property.IsShadow || !property.IsClrType(ClrTypeNames.DateTime)) continue;
                var owner = model.SelfAndBaseTypes(entity).First(e => e.Properties.Contains(property));
                return (model, owner, property);
            }

            return null;
        }
    }
}
