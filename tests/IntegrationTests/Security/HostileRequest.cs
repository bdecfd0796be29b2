namespace Prism.IntegrationTests.Security;

/// <summary>
/// One request a hostile or broken client might send. <see cref="Body"/> is sent as bytes with
/// <see cref="ContentType"/> (none when null); <see cref="ApiKey"/> replaces the default submit key
/// (empty: send none); <see cref="Headers"/> are added as they are, unvalidated.
/// </summary>
public sealed record HostileRequest(string Name, string Path, byte[] Body, string? ContentType = "application/json")
{
    public string Method { get; init; } = "POST";
    public string? ApiKey { get; init; } = TestKeys.SubmitA;
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];
    public bool Chunked { get; init; }

    /// <summary>The exact status expected, where the corpus knows it; otherwise any 4xx.</summary>
    public int? Status { get; init; }
}
