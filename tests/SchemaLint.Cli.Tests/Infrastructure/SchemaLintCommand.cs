namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>Runs the built <c>schemalint</c> command as a user would, through the dotnet host.</summary>
internal static class SchemaLintCommand
{
    public static ProcessResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static ProcessResult Run(string workingDirectory, IDictionary<string, string?>? environment, params string[] arguments) =>
        ProcessResult.Run("dotnet", new[] { BuiltCommand.Assembly }.Concat(arguments), workingDirectory, environment);
}
