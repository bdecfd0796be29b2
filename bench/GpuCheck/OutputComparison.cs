using System.Globalization;
using System.Text.Json;
using Prism.Contracts;

namespace Prism.GpuCheck;

/// <summary>The largest relative difference between two numbers at the same place, or the first structural mismatch.</summary>
internal sealed record OutputDifference(double Relative, string? Mismatch)
{
    public string Describe() => Mismatch ?? string.Create(CultureInfo.InvariantCulture, $"max relative difference {Relative:E1} > {OutputComparison.Tolerance:E0}");
}

/// <summary>Two outputs of one kind compared as JSON trees, the form a client receives.</summary>
internal static class OutputComparison
{
    // Relative tolerance on numbers. The unit tests hold the ILGPU engines to the CPU engines exactly
    // for the seeded and combinatorial kinds (graph.color, robotics.plan, telecom.optimize,
    // finance.risk), so integers and paths must match; this only absorbs last-bit FMA differences.
    public const double Tolerance = 1e-6;

    public static OutputDifference Compare(object expected, object actual) => Compare(Tree(expected), Tree(actual));

    public static OutputDifference Compare(JsonElement expected, JsonElement actual) => MaxDifference(expected, actual, "$");

    public static bool Agrees(this OutputDifference difference) => difference.Mismatch is null && difference.Relative <= Tolerance;

    private static JsonElement Tree(object output) => JsonSerializer.SerializeToElement(output, output.GetType(), PrismJson.Options);

    private static OutputDifference MaxDifference(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind) return new(double.PositiveInfinity, $"{path}: {a.ValueKind} vs {b.ValueKind}");
        switch (a.ValueKind)
        {
            case JsonValueKind.Number:
                double x = a.GetDouble(), y = b.GetDouble();
                var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                // Below 1e-12 in absolute terms two results are both zero to within rounding.
                return new(Math.Abs(x - y) <= 1e-12 ? 0 : Math.Abs(x - y) / scale, null);
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength()) return new(double.PositiveInfinity, $"{path}: {a.GetArrayLength()} vs {b.GetArrayLength()} elements");
                return Worst(a.EnumerateArray().Zip(b.EnumerateArray()).Select((p, i) => MaxDifference(p.First, p.Second, $"{path}[{i}]")));
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToArray();
                var other = b.EnumerateObject().Select(p => p.Name).ToArray();
                if (!names.Order(StringComparer.Ordinal).SequenceEqual(other.Order(StringComparer.Ordinal))) return new(double.PositiveInfinity, $"{path}: fields {string.Join(',', names)} vs {string.Join(',', other)}");
                return Worst(names.Select(n => MaxDifference(a.GetProperty(n), b.GetProperty(n), $"{path}.{n}")));
            default:
                return a.GetRawText() == b.GetRawText() ? new(0, null) : new(double.PositiveInfinity, $"{path}: {a.GetRawText()} vs {b.GetRawText()}");
        }
    }

    private static OutputDifference Worst(IEnumerable<OutputDifference> differences)
    {
        var worst = new OutputDifference(0, null);
        foreach (var d in differences)
        {
            if (d.Mismatch is not null) return d;
            if (d.Relative > worst.Relative) worst = d;
        }
        return worst;
    }
}
