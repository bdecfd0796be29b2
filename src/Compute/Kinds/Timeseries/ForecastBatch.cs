namespace Prism.Compute.Kinds.Timeseries;

/// <summary>Every series flattened for the engines: series k is <c>Values[Offsets[k] .. Offsets[k+1]-1]</c>.</summary>
public sealed record ForecastBatch(int[] Offsets, double[] Values)
{
    public int SeriesCount => Offsets.Length - 1;

    public int LongestSeries
    {
        get
        {
            var longest = 0;
            for (var k = 0; k < SeriesCount; k++) longest = Math.Max(longest, Offsets[k + 1] - Offsets[k]);
            return longest;
        }
    }

    public static ForecastBatch From(double[][] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var offsets = new int[series.Length + 1];
        for (var k = 0; k < series.Length; k++) offsets[k + 1] = offsets[k] + series[k].Length;
        var values = new double[offsets[^1]];
        for (var k = 0; k < series.Length; k++) series[k].CopyTo(values, offsets[k]);
        return new ForecastBatch(offsets, values);
    }
}
