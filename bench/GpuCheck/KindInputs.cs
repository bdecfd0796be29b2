using System.Globalization;
using System.Text.Json.Nodes;

namespace Prism.GpuCheck;

/// <summary>
/// Random valid inputs for every kind, seeded: small ones for the many jobs pushed through the
/// processor, and one large one per kind for the GPU-against-CPU comparison. Large sizes stay well
/// inside the kinds' limits and keep the CPU engine's side of the comparison to seconds on a
/// 16-core host; the inputs carry structure (blobs, AR series, coupled series, connected networks)
/// so that every code path of a kind does work, not only its empty case.
/// </summary>
internal static class KindInputs
{
    public static JsonObject Generate(string kind, Random random, bool large) => kind switch
    {
        "pixels.entropy" => PixelsEntropy(random, large),
        "pixels.segment" => PixelsSegment(random, large),
        "pwsa.detect" => PwsaDetect(random, large),
        "pwsa.fuse" => PwsaFuse(random, large),
        "timeseries.forecast" => TimeseriesForecast(random, large),
        "causal.transfer-entropy" => TransferEntropy(random, large),
        "finance.optimize" => FinanceOptimize(random, large),
        "finance.risk" => FinanceRisk(random, large),
        "telecom.optimize" => TelecomOptimize(random, large),
        "graph.color" => GraphColor(random, large),
        "robotics.plan" => RoboticsPlan(random, large),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no input generator for this kind"),
    };

    /// <summary>A short description of an input's size, for the report.</summary>
    public static string Describe(string kind, JsonObject input) => kind switch
    {
        "pixels.entropy" or "pixels.segment" => $"{input["width"]}×{input["height"]}",
        "pwsa.detect" => $"{input["irFrame"]!["width"]}×{input["irFrame"]!["height"]}",
        "pwsa.fuse" => $"{input["tracks"]!.AsArray().Count} tracks × {input["tracks"]![0]!["measurements"]!.AsArray().Count}",
        "timeseries.forecast" or "causal.transfer-entropy" => $"{input["series"]!.AsArray().Count} series × {input["series"]![0]!.AsArray().Count}",
        "finance.optimize" => $"{input["symbols"]!.AsArray().Count} assets × {input["returns"]!.AsArray().Count} periods",
        "finance.risk" => $"{input["weights"]!.AsArray().Count} assets, {input["paths"]} paths × horizon {input["horizon"]}",
        "telecom.optimize" => $"{input["nodes"]!.AsArray().Count} nodes, {input["links"]!.AsArray().Count} links, {input["demands"]!.AsArray().Count} demands",
        "graph.color" => $"{input["vertexCount"]} vertices, {input["edges"]!.AsArray().Count} edges, {input["attempts"]}×{input["iterations"]} iterations",
        "robotics.plan" => $"{input["obstacles"]!.AsArray().Count} obstacles",
        _ => "?",
    };

    private static JsonObject PixelsEntropy(Random random, bool large)
    {
        var (width, height) = large ? (2048, 2048) : (random.Next(16, 49), random.Next(16, 49));
        var depth = random.Next(6, 13);
        var pixels = new JsonArray();
        for (var i = 0; i < width * height; i++) pixels.Add(random.Next(0, 1 << depth));
        return new()
        {
            ["width"] = width,
            ["height"] = height,
            ["pixels"] = pixels,
            ["window"] = large ? 7 : 3 + 2 * random.Next(0, 3),
            ["bins"] = large ? 32 : 16 << random.Next(0, 2),
        };
    }

    private static JsonObject PixelsSegment(Random random, bool large)
    {
        var (width, height) = large ? (2048, 2048) : (random.Next(24, 65), random.Next(16, 49));
        var frame = Frame(random, width, height, 80, 140, large ? 400 : random.Next(1, 8), 1000, 2000);
        return new()
        {
            ["width"] = width,
            ["height"] = height,
            ["pixels"] = frame,
            ["threshold"] = 1000,
            ["minObjectSize"] = random.Next(1, 4),
            ["connectivity"] = random.Next(2) == 0 ? 4 : 8,
        };
    }

    private static JsonObject PwsaDetect(Random random, bool large)
    {
        var (width, height) = large ? (2048, 2048) : (random.Next(32, 65), random.Next(24, 49));
        var frame = Frame(random, width, height, 100, 300, large ? 300 : random.Next(1, 6), 400, 1200);
        return new()
        {
            ["svId"] = $"SV-{random.Next(1, 100):000}",
            ["timestamp"] = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(random.Next(0, 86_400_000)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["irFrame"] = new JsonObject { ["width"] = width, ["height"] = height, ["pixels"] = frame },
            ["threshold"] = 310,
            ["minObjectSize"] = random.Next(1, 3),
        };
    }

    /// <summary>Uniform noise with bright discs (the objects a segmentation or detection should find).</summary>
    private static JsonArray Frame(Random random, int width, int height, int low, int high, int blobs, int blobLow, int blobHigh)
    {
        var values = new int[width * height];
        for (var i = 0; i < values.Length; i++) values[i] = random.Next(low, high);
        for (var b = 0; b < blobs; b++)
        {
            int cx = random.Next(width), cy = random.Next(height), r = random.Next(1, 6);
            for (var y = Math.Max(0, cy - r); y <= Math.Min(height - 1, cy + r); y++)
            {
                for (var x = Math.Max(0, cx - r); x <= Math.Min(width - 1, cx + r); x++)
                {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) values[y * width + x] = random.Next(blobLow, blobHigh);
                }
            }
        }
        var array = new JsonArray();
        foreach (var v in values) array.Add(v);
        return array;
    }

    private static JsonObject PwsaFuse(Random random, bool large)
    {
        var (tracks, measurements) = large ? (5000, 64) : (random.Next(1, 9), random.Next(4, 13));
        var array = new JsonArray();
        for (var k = 0; k < tracks; k++)
        {
            double[] p = [random.Next(-5000, 5000), random.Next(-5000, 5000), random.Next(4000, 6000)];
            double[] v = [Normal(random) * 10, Normal(random) * 10, Normal(random)];
            var t = 0.0;
            var list = new JsonArray();
            for (var m = 0; m < measurements; m++)
            {
                list.Add(new JsonObject
                {
                    ["t"] = Math.Round(t, 3),
                    ["position"] = new JsonArray(Enumerable.Range(0, 3).Select(d => (JsonNode)Math.Round(p[d] + v[d] * t + 1.5 * Normal(random), 3)).ToArray()),
                });
                t += 0.5 + random.NextDouble();
            }
            array.Add(new JsonObject { ["trackId"] = $"sat-{k}", ["measurements"] = list });
        }
        return new() { ["tracks"] = array, ["processNoise"] = 0.05, ["measurementNoise"] = 2.25 };
    }

    private static JsonObject TimeseriesForecast(Random random, bool large)
    {
        var (count, length) = large ? (1000, 2000) : (random.Next(1, 5), random.Next(40, 161));
        var series = new JsonArray();
        for (var s = 0; s < count; s++)
        {
            // A stationary AR(2) around a level, so every order fits something real.
            double a1 = 0.5 + 0.3 * random.NextDouble(), a2 = -0.3 * random.NextDouble(), level = random.Next(50, 150);
            double x1 = 0, x2 = 0;
            var values = new JsonArray();
            for (var t = 0; t < length; t++)
            {
                var x = a1 * x1 + a2 * x2 + Normal(random);
                values.Add(Math.Round(level + x, 4));
                (x2, x1) = (x1, x);
            }
            series.Add(values);
        }
        return new()
        {
            ["series"] = series,
            ["order"] = large ? 8 : random.Next(1, 5),
            ["horizon"] = large ? 24 : random.Next(1, 13),
            ["confidence"] = 0.9,
        };
    }

    private static JsonObject TransferEntropy(Random random, bool large)
    {
        var (count, length) = large ? (64, 20_000) : (random.Next(2, 6), random.Next(60, 241));
        // Each series is driven by the previous one at lag 1, so the information flow is real.
        var data = new double[count][];
        for (var k = 0; k < count; k++)
        {
            data[k] = new double[length];
            for (var t = 0; t < length; t++)
            {
                var drive = k > 0 && t > 0 ? 0.8 * data[k - 1][t - 1] : 0;
                data[k][t] = Math.Round(drive + Normal(random), 4);
            }
        }
        return new()
        {
            ["series"] = new JsonArray(data.Select(s => (JsonNode)new JsonArray(s.Select(v => (JsonNode)v).ToArray())).ToArray()),
            ["lag"] = large ? 1 : random.Next(1, 3),
            ["bins"] = large ? 8 : random.Next(2, 9),
        };
    }

    private static JsonObject FinanceOptimize(Random random, bool large)
    {
        var (assets, periods) = large ? (200, 2000) : (random.Next(3, 9), random.Next(24, 61));
        var returns = new JsonArray();
        for (var t = 0; t < periods; t++)
        {
            var market = 0.04 * Normal(random);
            returns.Add(new JsonArray(Enumerable.Range(0, assets).Select(a => (JsonNode)Math.Round(0.002 * (a % 5) + (0.5 + a % 3 * 0.3) * market + 0.03 * Normal(random), 5)).ToArray()));
        }
        var objective = large ? "minimize_risk" : new[] { "minimize_risk", "maximize_sharpe", "mean_variance" }[random.Next(3)];
        var input = new JsonObject
        {
            ["symbols"] = new JsonArray(Enumerable.Range(0, assets).Select(a => (JsonNode)$"S{a}").ToArray()),
            ["returns"] = returns,
            ["objective"] = objective,
            ["minWeight"] = 0.0,
            ["maxWeight"] = large ? 0.05 : 0.5,
        };
        if (objective == "mean_variance") input["riskAversion"] = 3.0;
        if (objective == "maximize_sharpe")
        {
            // Below the worst asset's mean return, so some portfolio beats it and the Sharpe ratio is defined.
            var worst = Enumerable.Range(0, assets).Min(a => returns.Average(r => (double)r![a]!));
            input["riskFreeRate"] = Math.Round(worst - 0.01, 5);
        }
        return input;
    }

    private static JsonObject FinanceRisk(Random random, bool large)
    {
        var assets = large ? 20 : random.Next(2, 7);
        // Covariance = B·Bᵀ + D from one market factor: symmetric positive definite by construction.
        var beta = Enumerable.Range(0, assets).Select(_ => 0.01 + 0.01 * random.NextDouble()).ToArray();
        var idio = Enumerable.Range(0, assets).Select(_ => 0.0001 + 0.0002 * random.NextDouble()).ToArray();
        var covariance = new JsonArray();
        for (var i = 0; i < assets; i++)
        {
            covariance.Add(new JsonArray(Enumerable.Range(0, assets).Select(j => (JsonNode)(beta[i] * beta[j] + (i == j ? idio[i] : 0))).ToArray()));
        }
        var raw = Enumerable.Range(0, assets).Select(_ => 0.1 + random.NextDouble()).ToArray();
        return new()
        {
            ["weights"] = new JsonArray(raw.Select(w => (JsonNode)(w / raw.Sum())).ToArray()),
            ["expectedReturns"] = new JsonArray(Enumerable.Range(0, assets).Select(_ => (JsonNode)(0.001 * random.NextDouble())).ToArray()),
            ["covariance"] = covariance,
            ["horizon"] = large ? 10 : random.Next(1, 11),
            ["confidence"] = 0.99,
            ["paths"] = large ? 1_000_000 : random.Next(1_000, 20_001),
            ["portfolioValue"] = 1_000_000,
            ["seed"] = random.Next(),
        };
    }

    private static JsonObject TelecomOptimize(Random random, bool large)
    {
        var (nodes, chords, demands) = large ? (1000, 3000, 500) : (random.Next(4, 13), random.Next(2, 12), random.Next(1, 8));
        var links = new JsonArray();
        var seen = new HashSet<(int, int)>();
        void Link(int a, int b)
        {
            if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b)))) return;
            links.Add(new JsonObject { ["source"] = $"n{a}", ["target"] = $"n{b}", ["latencyMs"] = random.Next(1, 50), ["bandwidth"] = random.Next(50, 500) });
        }
        for (var i = 0; i < nodes; i++) Link(i, (i + 1) % nodes); // a ring: every demand is routable
        for (var c = 0; c < chords; c++) Link(random.Next(nodes), random.Next(nodes));
        var demandArray = new JsonArray();
        for (var d = 0; d < demands; d++)
        {
            int s = random.Next(nodes), t = (s + 1 + random.Next(nodes - 1)) % nodes;
            demandArray.Add(new JsonObject { ["source"] = $"n{s}", ["destination"] = $"n{t}", ["bandwidth"] = random.Next(1, 60) });
        }
        return new()
        {
            ["nodes"] = new JsonArray(Enumerable.Range(0, nodes).Select(i => (JsonNode)new JsonObject { ["id"] = $"n{i}", ["capacity"] = 1000 }).ToArray()),
            ["links"] = links,
            ["demands"] = demandArray,
            ["objective"] = random.Next(2) == 0 ? "minimize_latency" : "balance_load",
        };
    }

    private static JsonObject GraphColor(Random random, bool large)
    {
        var (vertices, density) = large ? (1000, 0.05) : (random.Next(10, 41), 0.1 + 0.3 * random.NextDouble());
        var edges = new JsonArray();
        for (var a = 0; a < vertices; a++)
        {
            for (var b = a + 1; b < vertices; b++)
            {
                if (random.NextDouble() < density) edges.Add(new JsonArray(a, b));
            }
        }
        return new()
        {
            ["vertexCount"] = vertices,
            ["edges"] = edges,
            ["attempts"] = large ? 16 : random.Next(2, 9),
            ["iterations"] = large ? 20_000 : random.Next(500, 3_001),
            ["seed"] = random.Next(),
        };
    }

    private static JsonObject RoboticsPlan(Random random, bool large)
    {
        var (side, count) = large ? (1000.0, 1000) : (100.0, random.Next(0, 31));
        double[] start = [side * 0.05, side * 0.5], goal = [side * 0.95, side * 0.5];
        const double robotRadius = 1;
        var obstacles = new JsonArray();
        while (obstacles.Count < count)
        {
            double x = random.NextDouble() * side, y = random.NextDouble() * side, r = 1 + random.NextDouble() * side / 200;
            // Start and goal must stay clear of every obstacle (with the robot's radius).
            if (Math.Sqrt(Math.Pow(x - start[0], 2) + Math.Pow(y - start[1], 2)) <= r + robotRadius + 1) continue;
            if (Math.Sqrt(Math.Pow(x - goal[0], 2) + Math.Pow(y - goal[1], 2)) <= r + robotRadius + 1) continue;
            obstacles.Add(new JsonObject { ["center"] = new JsonArray(Math.Round(x, 3), Math.Round(y, 3)), ["radius"] = Math.Round(r, 3) });
        }
        return new()
        {
            ["start"] = new JsonArray(start[0], start[1]),
            ["goal"] = new JsonArray(goal[0], goal[1]),
            ["bounds"] = new JsonArray(0, 0, side, side),
            ["obstacles"] = obstacles,
            ["robotRadius"] = robotRadius,
            ["maxVelocity"] = 2.5,
        };
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
