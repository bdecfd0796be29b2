namespace Prism.Compute.Kinds.Finance;

/// <summary>The heavy part of <c>finance.risk</c>: the losses of a contiguous range of paths.</summary>
public interface IRiskEngine
{
    /// <summary>Fills <paramref name="losses"/>[0..count) with the losses of paths firstPath .. firstPath + count − 1.</summary>
    Task SimulateAsync(RiskModel model, long firstPath, int count, double[] losses, CancellationToken cancellationToken);
}
