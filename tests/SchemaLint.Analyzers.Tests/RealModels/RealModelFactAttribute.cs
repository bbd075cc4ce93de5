namespace SchemaLint.Analyzers.Tests.RealModels;

/// <summary>
/// A fact that runs only when <see cref="RealModelCorpus.Variable"/> names a folder of real models (scripts/real-models.sh
/// cuts them from public repositories). CI has no copy of those repositories, so there the fact is reported as skipped
/// with the way to run it, never as passed.
/// </summary>
public sealed class RealModelFactAttribute : FactAttribute
{
    public RealModelFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RealModelCorpus.Variable)))
            Skip = $"set {RealModelCorpus.Variable} to a folder that scripts/real-models.sh filled (README, \"Checking a change on real models\")";
    }
}
