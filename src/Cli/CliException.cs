namespace Prism.Cli;

/// <summary>A failure the CLI reports as one message and exit code, without a stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public CliException() : this(ExitCodes.Usage, "The command failed.") { }

    public CliException(string message) : this(ExitCodes.Usage, message) { }

    public CliException(string message, Exception innerException) : base(message, innerException) => ExitCode = ExitCodes.Usage;

    public int ExitCode { get; }
}
