using Prism.Contracts;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary><c>pwsa.fuse</c>: flatten the tracks on the host, filter on the engine, name the results.</summary>
public sealed class PwsaFuseHandler(IFuseEngine engine) : KindHandler<PwsaFuseInput, PwsaFuseOutput>
{
    public override string Kind => JobKinds.PwsaFuse;

    protected override async Task<PwsaFuseOutput> ExecuteAsync(PwsaFuseInput input, CancellationToken cancellationToken)
    {
        var tracks = input.Tracks!;
        var batch = FuseBatch.From(tracks);
        var states = await engine.FilterAsync(batch, input.ProcessNoise!.Value, input.MeasurementNoise!.Value, cancellationToken).ConfigureAwait(false);

        var fused = new FusedTrack[tracks.Length];
        for (var k = 0; k < tracks.Length; k++)
        {
            var s = states.AsSpan(k * FuseMath.OutputStride, FuseMath.OutputStride);
            var measurements = tracks[k].Measurements!;
            fused[k] = new FusedTrack
            {
                TrackId = tracks[k].TrackId!,
                Position = s[..3].ToArray(),
                Velocity = s[3..6].ToArray(),
                PositionSigma = s[6..9].ToArray(),
                VelocitySigma = s[9..12].ToArray(),
                UpdatedAt = measurements[^1].T!.Value,
                MeasurementsUsed = measurements.Length,
            };
        }
        return new PwsaFuseOutput { Tracks = fused };
    }
}
