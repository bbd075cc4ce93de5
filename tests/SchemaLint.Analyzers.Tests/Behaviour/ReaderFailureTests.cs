using SchemaLint.Analyzers.Schema;
using SchemaLint.Analyzers.Tests.SourceModel;

namespace SchemaLint.Analyzers.Tests.Behaviour;

/// <summary>An exception in the source reader becomes an unknown model and one reason, never an exception out of the analyzer.</summary>
public class ReaderFailureTests
{
    private static readonly Microsoft.CodeAnalysis.CSharp.CSharpCompilation Compilation = SourceModelHarness.Compile("""
        public class Note { public int Id { get; set; } }
        public class NoteContext : DbContext { public DbSet<Note> Notes => Set<Note>(); }
        """);

    [Fact]
    public void An_exception_while_reading_leaves_no_model_and_says_why()
    {
        var analyzed = CompilationSchema.Guarded(Compilation, () => throw new InvalidOperationException("A property needs a name."));

        Assert.Empty(analyzed.Models);
        Assert.Equal("InvalidOperationException: A property needs a name.", analyzed.ReadFailure);
        Assert.Empty(analyzed.FindingsIn(Compilation.SyntaxTrees.Single()));
    }

    [Fact]
    public void Cancellation_is_not_a_failure_and_passes_through()
    {
        Assert.Throws<OperationCanceledException>(() => CompilationSchema.Guarded(Compilation, () => throw new OperationCanceledException()));
    }
}
