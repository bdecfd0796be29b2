namespace Prism.Cli.Output;

/// <summary><c>--output</c>: <c>table</c> for people (plain text when stdout is redirected), <c>json</c> for programs.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
