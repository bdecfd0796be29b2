namespace Prism.Client;

/// <summary>Where Prism is and how to authenticate. Bind from configuration section <see cref="SectionName"/> or set in code.</summary>
public sealed class PrismClientOptions
{
    /// <summary>Configuration section conventionally bound to these options.</summary>
    public const string SectionName = "Prism";

    /// <summary>
    /// Base URL of the Ingest API (submit, batch), e.g. <c>http://localhost:8080/</c>. When null the
    /// <see cref="HttpClient.BaseAddress"/> is used. A path is kept: <c>https://host/prism/</c> sends to <c>/prism/api/v1/...</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Base URL of the Results API (results, cancel, events, processors, health). Null means the same as <see cref="BaseUrl"/>,
    /// which is right for Standalone and behind an ingress; in docker-compose Results listens on its own port.
    /// </summary>
    public Uri? ResultsUrl { get; set; }

    /// <summary>API key sent as <c>Authorization: Bearer &lt;key&gt;</c>; null sends no credentials.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Pause before reconnecting a dropped event stream, unless the server sent an SSE <c>retry:</c> interval.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed attempts to (re)open the event stream before <see cref="PrismClient.SubscribeAsync"/> gives up.</summary>
    public int MaxReconnectAttempts { get; set; } = 10;
}
