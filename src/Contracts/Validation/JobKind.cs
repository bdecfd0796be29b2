using System.Text.Json;
using System.Text.RegularExpressions;

namespace Prism.Contracts.Validation;

/// <summary>Base of every kind's schema: strict deserialization, then the kind's own validation.</summary>
public abstract partial class JobKind<TInput> : IJobKind where TInput : class
{
    public abstract string Name { get; }
    public string Domain => JobKinds.DomainOf(Name);
    public Type InputType => typeof(TInput);

    public JobInputParseResult Parse(JsonElement input)
    {
        var errors = new ValidationErrors { Prefix = "input" };
        if (input.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "must be a JSON object.");
            return JobInputParseResult.Invalid(errors);
        }

        TInput? typed;
        try
        {
            typed = input.Deserialize<TInput>(PrismJson.Options);
        }
        catch (JsonException ex)
        {
            errors.Add(FieldOf(ex.Path), Describe(ex));
            return JobInputParseResult.Invalid(errors);
        }

        if (typed is null)
        {
            errors.Add("", "is required.");
            return JobInputParseResult.Invalid(errors);
        }

        Validate(typed, errors);
        return errors.IsValid ? JobInputParseResult.Valid(typed) : JobInputParseResult.Invalid(errors);
    }

    /// <summary>Adds an error per broken rule. Field names are camelCase, relative to the input (<c>.width</c>).</summary>
    public abstract void Validate(TInput input, ValidationErrors errors);

    // System.Text.Json reports "$.pixels[3]"; the API names fields "input.pixels[3]".
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.StartsWith('$') ? jsonPath[1..] : "." + jsonPath;

    private static string Describe(JsonException ex)
    {
        // The serializer's message names the .NET type ("could not be converted to System.UInt16. Path: ...");
        // tell the client what the field expects instead.
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal)) return "is not a known field.";
        if (message.Contains("missing required properties", StringComparison.Ordinal)) return message;
        var converted = ConvertedTo().Match(message);
        return converted.Success
            ? $"has the wrong type or is out of range (expected {Friendly(converted.Groups[1].Value)})."
            : "is not valid JSON for this field.";
    }

    [GeneratedRegex(@"converted to (\S+?)\.( Path|$)")]
    private static partial Regex ConvertedTo();

    private static string Friendly(string clrType) => clrType switch
    {
        var t when t.EndsWith("[]", StringComparison.Ordinal) => "an array",
        var t when t.Contains("UInt16", StringComparison.Ordinal) => "an integer 0..65535",
        var t when t.Contains("Int32", StringComparison.Ordinal) => "a 32-bit integer",
        var t when t.Contains("Int64", StringComparison.Ordinal) => "a 64-bit integer",
        var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Single", StringComparison.Ordinal) => "a number",
        var t when t.Contains("String", StringComparison.Ordinal) => "a string",
        var t when t.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("[]", StringComparison.Ordinal) || t.Contains("List", StringComparison.Ordinal) => "an array",
        _ => "another type",
    };
}
