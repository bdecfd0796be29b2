using Prism.Contracts.Kinds.Pwsa;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>
/// Every track's measurements flattened for the engines: track k owns measurements
/// <c>Offsets[k] .. Offsets[k+1]-1</c>; <c>Positions</c> holds x, y, z per measurement.
/// </summary>
public sealed record FuseBatch(int[] Offsets, double[] Times, double[] Positions)
{
    public int TrackCount => Offsets.Length - 1;

    public static FuseBatch From(FuseTrack[] tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var offsets = new int[tracks.Length + 1];
        for (var k = 0; k < tracks.Length; k++) offsets[k + 1] = offsets[k] + tracks[k].Measurements!.Length;
        var times = new double[offsets[^1]];
        var positions = new double[3 * offsets[^1]];
        for (var k = 0; k < tracks.Length; k++)
        {
            var j = offsets[k];
            foreach (var m in tracks[k].Measurements!)
            {
                times[j] = m.T!.Value;
                positions[3 * j] = m.Position![0];
                positions[3 * j + 1] = m.Position[1];
                positions[3 * j + 2] = m.Position[2];
                j++;
            }
        }
        return new FuseBatch(offsets, times, positions);
    }
}
