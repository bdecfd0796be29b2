using System.Text;
using System.Text.Json.Nodes;

namespace Prism.Pipeline.Load;

/// <summary>
/// The request bodies of a run, built before the clock starts: <c>pixels.entropy</c> frames are
/// generated (tiny by default, a different frame per job), every other kind submits its sample from
/// <c>samples/</c>. Kinds are interleaved by weight so every stretch of the run has the same mix.
/// </summary>
public sealed class Workload
{
    private Workload(IReadOnlyList<(string Kind, byte[] Body)> jobs) => Jobs = jobs;

    public IReadOnlyList<(string Kind, byte[] Body)> Jobs { get; }

    /// <summary>Mean size of a job's input in bytes: the ceilings publish messages this large.</summary>
    public int MeanInputBytes { get; private init; }

    public static Workload Create(IReadOnlyDictionary<string, int> kinds, int jobs, int entropyFrameSide, int seed)
    {
        var random = new Random(seed);
        var cycle = kinds.SelectMany(k => Enumerable.Repeat(k.Key, Math.Max(1, k.Value))).ToArray();
        var samples = new Dictionary<string, JsonNode>();
        var list = new List<(string, byte[])>(jobs);
        long inputBytes = 0;
        for (var i = 0; i < jobs; i++)
        {
            var kind = cycle[i % cycle.Length];
            var input = kind == "pixels.entropy" ? EntropyFrame(random, entropyFrameSide) : Sample(samples, kind);
            var text = input.ToJsonString();
            inputBytes += Encoding.UTF8.GetByteCount(text);
            list.Add((kind, Encoding.UTF8.GetBytes($"{{\"kind\":\"{kind}\",\"input\":{text}}}")));
        }
        return new Workload(list) { MeanInputBytes = (int)(inputBytes / Math.Max(1, jobs)) };
    }

    private static JsonObject EntropyFrame(Random random, int side)
    {
        var pixels = new JsonArray();
        var depth = random.Next(4, 13);
        for (var p = 0; p < side * side; p++) pixels.Add(random.Next(0, 1 << depth));
        return new JsonObject { ["width"] = side, ["height"] = side, ["pixels"] = pixels, ["window"] = 3, ["bins"] = 16 };
    }

    private static JsonNode Sample(Dictionary<string, JsonNode> cache, string kind)
    {
        if (!cache.TryGetValue(kind, out var sample))
        {
            var path = Path.Combine(AppContext.BaseDirectory, "samples", kind + ".json");
            if (!File.Exists(path)) throw new ArgumentException($"No sample for kind '{kind}' ({path}).", nameof(kind));
            cache[kind] = sample = JsonNode.Parse(File.ReadAllText(path))!;
        }
        return sample.DeepClone();
    }
}
