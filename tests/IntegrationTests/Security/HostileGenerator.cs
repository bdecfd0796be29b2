using System.Globalization;
using System.Text;

namespace Prism.IntegrationTests.Security;

/// <summary>
/// Seeded random hostile bodies for the entropy alias: each case number always gives the same request.
/// Every mutation is one that can never yield a valid input (a proper prefix of an object, a wrong type,
/// an out-of-range number, a missing field, an unknown field, a stray structural character).
/// </summary>
public static class HostileGenerator
{
    public const int Seed = 20_261_126;
    public const int Count = 200;

    private static readonly string[] Fields = ["width", "height", "pixels", "window", "bins"];
    private static readonly string[] WrongValues = ["\"x\"", "true", "false", "null", "{}", "[]", "[[1]]", "{\"a\":1}", "0.5", "\"\\u0000\""];
    private static readonly char[] Structural = ['{', '}', '[', ']', '"', '\\', '\u0001', '\u0007'];

    public static HostileRequest Create(int number)
    {
        var random = new Random(Seed + number);
        var input = HostileCorpus.ValidInput;
        string body;
        string what;
        switch (random.Next(6))
        {
            case 0:
                var cut = random.Next(1, input.Length - 1);
                body = input[..cut];
                what = $"truncated at {cut}";
                break;
            case 1:
                var field = Fields[random.Next(Fields.Length)];
                var value = WrongValues[random.Next(WrongValues.Length)];
                body = HostileCorpus.Replace(input, field, value);
                what = $"{field} = {value}";
                break;
            case 2:
                var numeric = Fields[random.Next(Fields.Length)];
                var number_ = random.Next(2) == 0 ? -random.NextInt64(1, long.MaxValue) : random.NextInt64(1 << 20, long.MaxValue);
                var text = numeric == "pixels" ? $"[1,2,3,4,5,{number_}]" : number_.ToString(CultureInfo.InvariantCulture);
                body = HostileCorpus.Replace(input, numeric, text);
                what = $"{numeric} = {text}";
                break;
            case 3:
                // window and bins have defaults; these three do not.
                var dropped = Fields[random.Next(3)];
                var node = System.Text.Json.Nodes.JsonNode.Parse(input)!.AsObject();
                node.Remove(dropped);
                body = node.ToJsonString();
                what = $"without {dropped}";
                break;
            case 4:
                var name = new StringBuilder("x");
                for (var i = random.Next(1, 12); i > 0; i--) name.Append((char)random.Next(0x21, 0x2FFF));
                body = input[..^1] + "," + System.Text.Json.JsonSerializer.Serialize(name.ToString()) + ":" + random.Next() + "}";
                what = "unknown field";
                break;
            default:
                var at = random.Next(1, input.Length - 1);
                var c = Structural[random.Next(Structural.Length)];
                body = input[..at] + c + input[at..];
                what = $"'{(int)c:X2}' inserted at {at}";
                break;
        }
        return new HostileRequest($"random-{number:D3} ({what})", "/api/v1/pixels/entropy", Encoding.UTF8.GetBytes(body));
    }
}
