using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Prism.IntegrationTests.Infrastructure;

/// <summary>Reads one whole server frame of <c>/ws</c> (a frame may arrive in several receives), within 60 s.</summary>
public static class WebSocketFrames
{
    public static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }

    public static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket) =>
        JsonDocument.Parse(await ReceiveTextAsync(socket)).RootElement.Clone();
}
