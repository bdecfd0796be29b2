namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded implementation of docs/kinds/pixels.entropy.md, written for clarity: a fresh
/// histogram per pixel and −Σp·log2(p) in doubles. Tests compare both engines with it; benchmarks
/// measure the engines against it.
/// </summary>
public static class EntropyReference
{
    public static double[] LocalEntropy(ushort[] pixels, int width, int height, int window, int bins)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        int min = pixels.Min(p => (int)p), max = pixels.Max(p => (int)p), radius = window / 2;
        var binOf = pixels.Select(v => max == min ? 0 : Math.Min(bins - 1, (v - min) * bins / (max - min))).ToArray();
        var map = new double[width * height];
        var histogram = new int[bins];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Array.Clear(histogram);
                var n = 0;
                for (var yy = y - radius; yy <= y + radius; yy++)
                {
                    for (var xx = x - radius; xx <= x + radius; xx++)
                    {
                        if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
                        histogram[binOf[yy * width + xx]]++;
                        n++;
                    }
                }
                double h = 0;
                foreach (var c in histogram)
                {
                    if (c == 0) continue;
                    var p = (double)c / n;
                    h -= p * Math.Log2(p);
                }
                map[y * width + x] = h;
            }
        }
        return map;
    }
}
