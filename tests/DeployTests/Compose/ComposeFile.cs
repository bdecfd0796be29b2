using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Prism.DeployTests.Compose;

/// <summary>A docker-compose file as plain maps (merge keys resolved), with helpers for its services.</summary>
public sealed class ComposeFile(string file)
{
    public string File { get; } = file;
    public Dictionary<object, object> Root { get; } = Parse(Repository.Read(file));

    public Dictionary<object, object> Services => Map(Root, "services");

    public Dictionary<object, object> Service(string name) => Map(Services, name);

    public static Dictionary<object, object> Parse(string yaml)
    {
        using var reader = new StringReader(yaml);
        var parsed = new DeserializerBuilder().Build().Deserialize(new MergingParser(new Parser(reader)));
        return Assert.IsType<Dictionary<object, object>>(parsed);
    }

    public static Dictionary<object, object> Map(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<object, object> child
            ? child
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a map");

    public static Dictionary<object, object>? MapOrNull(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) ? value as Dictionary<object, object> : null;

    public static List<string> List(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object> items ? items.Select(i => i.ToString()!).ToList() : [];

    public static string? Scalar(Dictionary<object, object> map, string key) => map.TryGetValue(key, out var value) ? value?.ToString() : null;
}
