using Prism.Contracts.Api;

namespace Prism.Client;

/// <summary>A job's state with its result deserialized as <typeparamref name="TOutput"/>.</summary>
/// <typeparam name="TOutput">The kind's output record, e.g. <c>PixelsEntropyOutput</c>.</typeparam>
public sealed record JobResult<TOutput> where TOutput : class
{
    /// <summary>The job as the Results API served it (status, timings, accelerator, error).</summary>
    public required JobResultView Job { get; init; }

    /// <summary>The typed result; null unless the job <c>succeeded</c>.</summary>
    public TOutput? Output { get; init; }

    /// <summary>True when the job succeeded and <see cref="Output"/> holds its result.</summary>
    public bool Succeeded => Output is not null;
}
