using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prism.Contracts;

/// <summary>The one JSON dialect of Prism's HTTP API and job inputs/outputs.</summary>
public static class PrismJson
{
    /// <summary>Deepest JSON nesting accepted anywhere (a frame is depth 3; nothing needs more than 8).</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// camelCase, unknown members rejected (a misspelt field is an error, not silently ignored),
    /// numbers only as JSON numbers (so NaN and Infinity never get in).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
