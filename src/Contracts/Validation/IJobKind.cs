using System.Text.Json;

namespace Prism.Contracts.Validation;

/// <summary>
/// A job kind's schema: its name, its typed input and the validation both Ingest and the
/// processor run on it. Implement through <see cref="JobKind{TInput}"/>.
/// </summary>
public interface IJobKind
{
    string Name { get; }
    string Domain { get; }
    Type InputType { get; }

    /// <summary>Deserializes <paramref name="input"/> strictly and validates it. Field paths start with <c>input.</c>.</summary>
    JobInputParseResult Parse(JsonElement input);
}
