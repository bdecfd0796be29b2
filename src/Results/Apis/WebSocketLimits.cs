namespace Prism.Results.Apis;

/// <summary>What one <c>/ws</c> connection may hold and send (docs/security.md, "Event streams").</summary>
public static class WebSocketLimits
{
    /// <summary>Largest client frame; a larger one is drained and answered with an error frame.</summary>
    public const int MaxFrameBytes = 64 * 1024;

    /// <summary>Most job ids one connection may follow; a subscribe that would pass it is refused whole.</summary>
    public const int MaxJobIds = 1_000;

    /// <summary>Most client frames in any one second; the next one closes the connection (1008).</summary>
    public const int MaxFramesPerSecond = 20;

    /// <summary>
    /// How long a subscriber that fell behind has to read what was already sent and take the close frame;
    /// after that the connection is dropped, so a client that stopped reading holds nothing for good.
    /// </summary>
    public static readonly TimeSpan LaggingGrace = TimeSpan.FromSeconds(10);
}
