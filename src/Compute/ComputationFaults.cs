using System.Text.Json;
using Prism.Contracts;

namespace Prism.Compute;

/// <summary>
/// Computation failures the same input repeats on every try, which end the job at once with
/// <see cref="ErrorCodes.ComputationFailed"/> and a plain message (a retry would only repeat them, and
/// the exception's text names .NET types no client should see). Faults of the machine rather than the
/// input — I/O, time-outs, memory, the accelerator, shutdown — are not among them: those still go to
/// the bus's bounded retries.
/// </summary>
public static class ComputationFaults
{
    public const string Message =
        "The computation failed on this input in a way retrying cannot fix; the processor's log has the details for its operators.";

    public const string NonFiniteMessage =
        "The result holds a number JSON cannot carry (an overflow to infinity or an undefined value); bring the input's magnitudes down.";

    /// <summary>True for the exceptions a bug or an unrepresentable number raises the same way on every try.</summary>
    public static bool IsDeterministic(Exception exception) => exception switch
    {
        OperationCanceledException or ObjectDisposedException => false,
        ArgumentException or ArithmeticException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException
            or InvalidCastException or NotSupportedException or FormatException or KeyNotFoundException or RankException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsDeterministic),
        _ => false,
    };

    /// <summary>Serializes an output, or returns false when it holds ±Infinity or NaN, which JSON has no number for.</summary>
    public static bool TrySerialize(object output, out byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            utf8 = JsonSerializer.SerializeToUtf8Bytes(output, output.GetType(), PrismJson.Options);
            return true;
        }
        catch (ArgumentException)
        {
            // System.Text.Json's answer to a non-finite double under JsonNumberHandling.Strict.
            utf8 = [];
            return false;
        }
    }
}
