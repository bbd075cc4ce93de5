using System.Runtime.CompilerServices;
using SchemaLint.Analyzers.SourceModel.Code;
using SchemaLint.Analyzers.SourceModel.Conventions;
using SchemaLint.Analyzers.SourceModel.Drafts;
using SchemaLint.Analyzers.SourceModel.Fluent;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>
/// Every model edit any test of this suite makes checks the emitter's search and the code-scan answers taken over: a
/// draft the search did not find, yet different from the snapshot before's, an answer taken over that the code now
/// gives otherwise, a piece of model-building code the snapshot before's record said the edit cannot reach yet which
/// read edited code, an entity type a holding rebuild plan keeps yet which differs from its record, or a convention
/// writing into what reading made of a draft, which the record of what was read shares, fails the extraction (and with
/// it the test comparing it to a fresh one).
/// </summary>
internal static class SearchCheck
{
#pragma warning disable CA2255 // A test assembly's own setting, made once before any test runs.
    [ModuleInitializer]
    internal static void CheckEveryEdit()
    {
        SchemaEmitter.CheckEveryDraftAfterSearch = true;
        UnchangedAnswers.CheckEveryAnswerTakenOver = true;
        FluentReader.CheckEveryPrediction = true;
        RebuildPlan.CheckEveryPlan = true;
        EntityDraft.ReadStateChecked = true;
    }
#pragma warning restore CA2255
}
