using System.Collections.Concurrent;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>
/// Managed CPU engine: tracks in parallel (ranges of tracks per task, since one track is cheap);
/// each step updates one shared 2×2 covariance and three axis states.
/// </summary>
public sealed class FuseCpuEngine : IFuseEngine
{
    private const int TracksPerRange = 256;

    public Task<double[]> FilterAsync(FuseBatch batch, double q, double r, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var output = new double[batch.TrackCount * FuseMath.OutputStride];
        var options = ComputeThreads.Options(cancellationToken);
        Parallel.ForEach(Partitioner.Create(0, batch.TrackCount, TracksPerRange), options, range =>
        {
            for (var k = range.Item1; k < range.Item2; k++) FilterTrack(batch, k, q, r, output.AsSpan(k * FuseMath.OutputStride, FuseMath.OutputStride));
        });
        return Task.FromResult(output);
    }

    private static void FilterTrack(FuseBatch batch, int k, double q, double r, Span<double> output)
    {
        int first = batch.Offsets[k], end = batch.Offsets[k + 1];
        var p = batch.Positions;
        var state = FuseMath.Init(p[3 * first], p[3 * first + 1], p[3 * first + 2], r);
        for (var j = first + 1; j < end; j++)
        {
            state = FuseMath.Step(state, batch.Times[j] - batch.Times[j - 1], p[3 * j], p[3 * j + 1], p[3 * j + 2], q, r);
        }

        double sp = FuseMath.Sigma(state.Ppp), sv = FuseMath.Sigma(state.Pvv);
        output[0] = state.Px; output[1] = state.Py; output[2] = state.Pz;
        output[3] = state.Vx; output[4] = state.Vy; output[5] = state.Vz;
        output[6] = sp; output[7] = sp; output[8] = sp;
        output[9] = sv; output[10] = sv; output[11] = sv;
    }
}
