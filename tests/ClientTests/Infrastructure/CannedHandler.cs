using System.Net;
using System.Text;

namespace Prism.ClientTests.Infrastructure;

/// <summary>Answers every request with one canned response, for answers a healthy Standalone cannot be made to give (503, 429, 409).</summary>
public sealed class CannedHandler(HttpStatusCode status, string body, string mediaType = "application/problem+json", Action<HttpResponseMessage>? decorate = null) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request };
        decorate?.Invoke(response);
        return Task.FromResult(response);
    }
}
