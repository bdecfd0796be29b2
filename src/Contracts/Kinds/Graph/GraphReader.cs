using System.Globalization;
using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Graph;

/// <summary>
/// Reads the graph of a <c>graph.color</c> input (edge list or DIMACS text), checks it, and merges
/// duplicate edges and both directions. Ingest and the processor both read through here.
/// </summary>
public static class GraphReader
{
    /// <summary>The merged graph, or null after adding an error per broken rule (field paths relative to the input).</summary>
    public static SimpleGraph? Read(GraphColorInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var listed = input.VertexCount is not null || input.Edges is not null;
        if (listed && input.Dimacs is not null)
        {
            errors.Add(".dimacs", "give either vertexCount + edges or dimacs, not both.");
            return null;
        }
        if (!listed && input.Dimacs is null)
        {
            errors.Add(".vertexCount", "is required (or give the graph as dimacs).");
            return null;
        }
        return input.Dimacs is { } text ? ReadDimacs(text, errors) : ReadEdges(input.VertexCount, input.Edges, errors);
    }

    private static SimpleGraph? ReadEdges(int? vertexCount, int[][]? edges, ValidationErrors errors)
    {
        if (vertexCount is null)
        {
            errors.Add(".vertexCount", "is required with edges.");
            return null;
        }
        var ok = errors.Range(".vertexCount", vertexCount.Value, 1, GraphColorKind.MaxVertices);
        ok &= errors.Length(".edges", edges, 0, GraphColorKind.MaxEdges);
        if (!ok) return null;

        var n = vertexCount.Value;
        var keys = new long[edges!.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            var edge = edges[i];
            if (edge is null || edge.Length != 2)
            {
                errors.Add($".edges[{i}]", "must be a pair [u, v].");
                return null;
            }
            int u = edge[0], v = edge[1];
            if ((uint)u >= (uint)n || (uint)v >= (uint)n)
            {
                errors.Add($".edges[{i}]", $"vertices must lie in 0..{n - 1} (was [{u}, {v}]).");
                return null;
            }
            if (u == v)
            {
                errors.Add($".edges[{i}]", $"is a self-loop on vertex {u}; a colourable graph has none.");
                return null;
            }
            keys[i] = Key(u, v);
        }
        return Merge(n, keys);
    }

    private static SimpleGraph? ReadDimacs(string text, ValidationErrors errors)
    {
        const string field = ".dimacs";
        if (text.Length > GraphColorKind.MaxDimacsChars)
        {
            errors.Add(field, $"may be at most {GraphColorKind.MaxDimacsChars} characters (was {text.Length}).");
            return null;
        }

        var n = -1;
        var keys = new List<long>();
        var lineNumber = 0;
        Span<Range> parts = stackalloc Range[5];
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.IsEmpty || line[0] == 'c') continue;

            var count = line.Split(parts, ' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var tag = line[parts[0]];
            if (tag is "p")
            {
                if (n >= 0)
                {
                    errors.Add(field, $"line {lineNumber}: a second 'p' line.");
                    return null;
                }
                if (count != 4 || line[parts[1]] is not ("edge" or "edges" or "col")
                    || !TryInt(line[parts[2]], out n) || !TryInt(line[parts[3]], out var declared) || declared < 0)
                {
                    errors.Add(field, $"line {lineNumber}: expected 'p edge <vertices> <edges>'.");
                    return null;
                }
                if (n < 1 || n > GraphColorKind.MaxVertices)
                {
                    errors.Add(field, $"line {lineNumber}: the vertex count must be between 1 and {GraphColorKind.MaxVertices} (was {n}).");
                    return null;
                }
            }
            else if (tag is "e")
            {
                if (n < 0)
                {
                    errors.Add(field, $"line {lineNumber}: an 'e' line before the 'p edge' line.");
                    return null;
                }
                if (count != 3 || !TryInt(line[parts[1]], out var u) || !TryInt(line[parts[2]], out var v))
                {
                    errors.Add(field, $"line {lineNumber}: expected 'e <u> <v>' with 1-based vertices.");
                    return null;
                }
                if (u < 1 || u > n || v < 1 || v > n)
                {
                    errors.Add(field, $"line {lineNumber}: vertices must lie in 1..{n} (was {u} {v}).");
                    return null;
                }
                if (u == v)
                {
                    errors.Add(field, $"line {lineNumber}: a self-loop on vertex {u}; a colourable graph has none.");
                    return null;
                }
                if (keys.Count == GraphColorKind.MaxEdges)
                {
                    errors.Add(field, $"may list at most {GraphColorKind.MaxEdges} edges.");
                    return null;
                }
                keys.Add(Key(u - 1, v - 1));
            }
            else
            {
                errors.Add(field, $"line {lineNumber}: unknown line type '{tag}' (expected c, p or e).");
                return null;
            }
        }

        if (n < 0)
        {
            errors.Add(field, "has no 'p edge <vertices> <edges>' line.");
            return null;
        }
        return Merge(n, [.. keys]);
    }

    private static bool TryInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static long Key(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;

    private static SimpleGraph Merge(int n, long[] keys)
    {
        Array.Sort(keys);
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1]) keys[distinct++] = keys[i];
        }
        var us = new int[distinct];
        var vs = new int[distinct];
        for (var i = 0; i < distinct; i++)
        {
            us[i] = (int)(keys[i] >> 32);
            vs[i] = (int)(keys[i] & 0xFFFF_FFFF);
        }
        return new SimpleGraph(n, us, vs);
    }
}
