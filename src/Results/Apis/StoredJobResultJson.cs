using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Apis;

/// <summary>
/// 200 with a <see cref="JobResultView"/> whose result is written as the store holds it, byte for byte. A result
/// may be 40 MB of JSON: parsed into a document and written out again it cost each reader about eleven times that;
/// this way it costs the stored bytes once.
/// </summary>
public sealed class StoredJobResultJson(StoredJobResult job) : IResult, IEndpointMetadataProvider
{
    private static readonly byte[] ResultProperty = ",\"result\":"u8.ToArray();
    private static readonly byte[] End = "}"u8.ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // The view without its result is small, and the API's JSON options leave its null result out: "{…}".
        var head = JsonSerializer.SerializeToUtf8Bytes(job.View with { Result = null }, options);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (job.Result is not { } result)
        {
            response.ContentLength = head.Length;
            await response.Body.WriteAsync(head, httpContext.RequestAborted).ConfigureAwait(false);
            return;
        }
        await response.Body.WriteAsync(head.AsMemory(0, head.Length - 1), httpContext.RequestAborted).ConfigureAwait(false);
        await response.Body.WriteAsync(ResultProperty, httpContext.RequestAborted).ConfigureAwait(false);
        await WriteCompactAsync(response.Body, result, httpContext.RequestAborted).ConfigureAwait(false);
        await response.Body.WriteAsync(End, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="json"/> without the whitespace between its tokens, in small pieces. Results are stored
    /// as they arrived in the message envelope, which MassTransit indents: a 40 MB result is stored as about 75 MB.
    /// </summary>
    private static async Task WriteCompactAsync(Stream destination, byte[] json, CancellationToken cancellationToken)
    {
        var piece = new byte[64 * 1024];
        var (length, inString, escaped) = (0, false, false);
        foreach (var b in json)
        {
            if (inString)
            {
                if (escaped) escaped = false;
                else if (b == (byte)'\\') escaped = true;
                else if (b == (byte)'"') inString = false;
            }
            else if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                continue;
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            piece[length++] = b;
            if (length == piece.Length)
            {
                await destination.WriteAsync(piece, cancellationToken).ConfigureAwait(false);
                length = 0;
            }
        }
        await destination.WriteAsync(piece.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(JobResultView), ["application/json"]));
    }
}
