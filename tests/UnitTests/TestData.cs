namespace Prism.UnitTests;

/// <summary>Seeded random inputs, so a failing case reproduces.</summary>
public static class TestData
{
    public static ushort[] Frame(int width, int height, int seed, int maxValue = ushort.MaxValue)
    {
        var random = new Random(seed);
        var pixels = new ushort[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (ushort)random.Next(0, maxValue + 1);
        return pixels;
    }
}
