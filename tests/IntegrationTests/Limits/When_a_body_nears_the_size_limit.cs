using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Prism.Ingest;
using Prism.IntegrationTests.Security;

namespace Prism.IntegrationTests.Limits;

/// <summary>
/// Issue 14, row 10: the documented body limit, <c>Ingest:MaxBodyBytes</c> (32 MiB), is the one that answers, on a
/// real Kestrel. Kestrel's own default (30,000,000 bytes) used to answer first, with a 413 typed <c>…/bad-request</c>.
/// </summary>
public sealed class When_a_body_nears_the_size_limit(StandaloneFixture fixture) : IClassFixture<StandaloneFixture>
{
    private static readonly long Limit = new IngestOptions().MaxBodyBytes;

    [Fact]
    public async Task A_body_of_30_000_001_bytes_is_accepted()
    {
        using var response = await PostAsync(Padded(30_000_001), chunked: false);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_of_exactly_the_limit_is_accepted()
    {
        using var response = await PostAsync(Padded(Limit), chunked: true);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_one_byte_over_the_limit_is_payload_too_large(bool chunked)
    {
        using var response = await PostAsync(Padded(Limit + 1), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://prism.dev/problems/payload-too-large", problem.GetProperty("type").GetString());
        Assert.Contains(Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A valid job padded with JSON whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(long size)
    {
        var json = Encoding.UTF8.GetBytes(SecuredStandaloneFixture.SmallFrame);
        var body = new byte[size];
        json.CopyTo(body, 0);
        body.AsSpan(json.Length).Fill((byte)' ');
        return body;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, bool chunked)
    {
        using var client = fixture.Standalone.CreateClient();
        // As a careful client sends a large body: a refusal by Content-Length comes before the body is sent,
        // instead of the server closing the connection under a body it will not read.
        client.DefaultRequestHeaders.ExpectContinue = true;
        // StreamContent of a non-seekable stream has no length, so HttpClient sends it chunked.
        HttpContent content = chunked ? new StreamContent(new NonSeekable(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using (content)
        {
            return await client.PostAsync("/api/v1/pixels/entropy", content);
        }
    }

    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
