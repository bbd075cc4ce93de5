namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>Runs the built <c>schemalint</c> command as a user would, through the dotnet host.</summary>
internal static class SchemaLintCommand
{
    public static ProcessResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static ProcessResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] arguments) =>
        ProcessResult.Run("dotnet", new[] { BuiltCommand.Assembly }.Concat(arguments), workingDirectory, environment);

    /// <summary>For the cases that once hung: the test fails with a TimeoutException instead of hanging the run.</summary>
    public static ProcessResult RunWithin(TimeSpan limit, string workingDirectory, params string[] arguments) =>
        ProcessResult.Run("dotnet", new[] { BuiltCommand.Assembly }.Concat(arguments), workingDirectory, timeout: limit);

    /// <summary>Starts the command without waiting for it, for the tests that watch it or signal it.</summary>
    public static RunningCommand Start(string workingDirectory, IDictionary<string, string?>? environment, params string[] arguments) =>
        new RunningCommand(new[] { BuiltCommand.Assembly }.Concat(arguments), workingDirectory, environment);
}
