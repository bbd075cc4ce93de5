namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>Where the build put the command under test (the project reference builds it before the tests).</summary>
internal static class BuiltCommand
{
    public static string Assembly => Repository.Path("src", "SchemaLint.Cli", "bin", Repository.Configuration, "net10.0", "schemalint.dll");
}
