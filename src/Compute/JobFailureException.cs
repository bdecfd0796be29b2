namespace Prism.Compute;

/// <summary>
/// A job that cannot succeed however often it is retried (singular fit, unreachable goal, bad input):
/// the processor answers it with <c>JobFailed</c> carrying <see cref="Code"/>, never with a retry.
/// </summary>
public sealed class JobFailureException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
