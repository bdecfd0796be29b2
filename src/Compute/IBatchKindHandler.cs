namespace Prism.Compute;

/// <summary>
/// A kind that computes many jobs in one engine call (one kernel launch, one CPU-engine pass). Kinds
/// opt in by implementing it; the processor's <c>KindBatcher</c> then groups same-kind
/// jobs that arrive close together. A batch's outputs must equal the single-job outputs exactly:
/// batch boundaries never change a result.
/// </summary>
public interface IBatchKindHandler : IKindHandler
{
    /// <summary>The outputs of <paramref name="inputs"/>, in the same order.</summary>
    Task<IReadOnlyList<object>> ExecuteBatchAsync(IReadOnlyList<object> inputs, CancellationToken cancellationToken);
}
