using SchemaLint.Core.Model;

namespace SchemaLint.Analyzers.SourceModel.Code
{
    /// <summary>
    /// What the code scan answered about writes of one property (<see cref="CodeScan.CodeFacts"/>), with the footprint's
    /// record of each answer, so that noting the property they went into (<see cref="CodeScan.Fed"/>) does not look the
    /// questions up again: the emitter's keep decision notes one for every property of every entity type it keeps.
    /// </summary>
    internal readonly struct AskedCodeFacts
    {
        public AskedCodeFacts(Fact<bool> assigned, Fact<bool> updated, ExtractionFootprint.AnsweredQuestion? assignedRecord, ExtractionFootprint.AnsweredQuestion? updatedRecord)
        {
            Assigned = assigned;
            Updated = updated;
            AssignedRecord = assignedRecord;
            UpdatedRecord = updatedRecord;
        }

        public Fact<bool> Assigned { get; }

        public Fact<bool> Updated { get; }

        /// <summary>Null when nothing was recorded: no footprint, or a required member, assigned without a question asked.</summary>
        public ExtractionFootprint.AnsweredQuestion? AssignedRecord { get; }

        public ExtractionFootprint.AnsweredQuestion? UpdatedRecord { get; }
    }
}
