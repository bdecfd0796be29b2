namespace Prism.Compute.Kinds.Finance;

/// <summary>Managed CPU engine: paths in parallel (chunks of 4,096), each by <see cref="RiskMath.PathLoss"/>.</summary>
public sealed class RiskCpuEngine : IRiskEngine
{
    private const int Chunk = 4096;

    public Task SimulateAsync(RiskModel model, long firstPath, int count, double[] losses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(losses);
        var chunks = (count + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, ComputeThreads.Options(cancellationToken), c =>
        {
            int start = c * Chunk, end = Math.Min(count, start + Chunk);
            for (var k = start; k < end; k++) losses[k] = RiskMath.PathLoss(model, firstPath + k);
        });
        return Task.CompletedTask;
    }
}
