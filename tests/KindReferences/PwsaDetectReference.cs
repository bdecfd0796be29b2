using Prism.Compute.Kinds.Pwsa;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded <c>pwsa.detect</c>, written for clarity from the definitions: flood-fill
/// labels (<see cref="SegmentReference"/>), a fresh histogram per pixel for the local entropy
/// (<see cref="EntropyReference"/>), two-pass means and deviations in doubles, entropy rate as
/// H(L, R) − H(L) over dictionaries. Only the documented threat table is shared with the handler.
/// </summary>
public static class PwsaDetectReference
{
    public static PwsaDetectOutput Detect(PwsaDetectInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ir = input.IrFrame!;
        var pixels = ir.Pixels!;
        int width = ir.Width, height = ir.Height, threshold = input.Threshold!.Value, bins = PwsaDetectKind.EntropyBins;
        var labels = SegmentReference.Label(pixels, width, height, threshold, PwsaDetectKind.Connectivity);
        var map = EntropyReference.LocalEntropy(pixels, width, height, PwsaDetectKind.EntropyWindow, bins);

        int min = pixels.Min(v => (int)v), max = pixels.Max(v => (int)v);
        var binOf = pixels.Select(v => max == min ? 0 : Math.Min(bins - 1, (v - min) * bins / (max - min))).ToArray();
        var pairs = new List<(int L, int R)>();
        for (var y = 0; y < height; y++)
            for (var x = 1; x < width; x++)
                pairs.Add((binOf[y * width + x - 1], binOf[y * width + x]));

        var background = pixels.Where(v => v < threshold).Select(v => (double)v).ToList();
        var metrics = new PwsaFrameMetrics
        {
            Entropy = Entropy(binOf),
            EntropyRate = pairs.Count == 0 ? 0 : Entropy(pairs) - Entropy(pairs.Select(p => p.L)),
            MeanLocalEntropy = map.Average(),
            Bins = bins,
            Window = PwsaDetectKind.EntropyWindow,
            Mean = pixels.Average(v => (double)v),
            StdDev = PopulationStdDev(pixels.Select(v => (double)v).ToList()),
            Min = min,
            Max = max,
            ForegroundFraction = (double)pixels.Count(v => v >= threshold) / pixels.Length,
            BackgroundMean = background.Count == 0 ? 0 : background.Average(),
            BackgroundStdDev = PopulationStdDev(background),
        };

        var objects = Enumerable.Range(0, pixels.Length)
            .Where(i => labels[i] >= 0)
            .GroupBy(i => labels[i])
            .Where(g => g.Count() >= input.MinObjectSize)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .ToList();

        var detections = objects.Take(input.MaxDetections).Select((g, k) =>
        {
            var members = g.ToList();
            int minX = members.Min(i => i % width), maxX = members.Max(i => i % width);
            int minY = members.Min(i => i / width), maxY = members.Max(i => i / width);
            var mean = members.Average(i => (double)pixels[i]);
            var localEntropy = members.Sum(i => map[i]) / members.Count;
            var contrast = (mean - metrics.BackgroundMean) / Math.Max(metrics.BackgroundStdDev, 1);
            int boxW = maxX - minX + 1, boxH = maxY - minY + 1;
            var (type, confidence) = ThreatClassifier.Classify(members.Count, contrast, (double)Math.Max(boxW, boxH) / Math.Min(boxW, boxH), localEntropy);
            return new PwsaDetection
            {
                Id = k + 1,
                Centroid = [members.Average(i => (double)(i % width)), members.Average(i => (double)(i / width))],
                Area = members.Count,
                BoundingBox = [minX, minY, boxW, boxH],
                MeanIntensity = mean,
                MaxIntensity = members.Max(i => pixels[i]),
                LocalEntropy = localEntropy,
                Contrast = contrast,
                ThreatType = type,
                Confidence = confidence,
            };
        }).ToArray();

        return new PwsaDetectOutput
        {
            SvId = input.SvId!,
            Timestamp = input.Timestamp!,
            Detections = detections,
            DetectionCount = objects.Count,
            Truncated = objects.Count > detections.Length,
            FrameMetrics = metrics,
        };
    }

    private static double Entropy<T>(IEnumerable<T> symbols) where T : notnull
    {
        var counts = new Dictionary<T, int>();
        var n = 0;
        foreach (var s in symbols)
        {
            counts[s] = counts.GetValueOrDefault(s) + 1;
            n++;
        }
        return -counts.Values.Sum(c => (double)c / n * Math.Log2((double)c / n));
    }

    private static double PopulationStdDev(List<double> values)
    {
        if (values.Count == 0) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
