using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.Client;

/// <summary>
/// Typed client for Prism's HTTP API (v1). Submissions go to <see cref="PrismClientOptions.BaseUrl"/> (Ingest);
/// results, cancels, events, processors and health to <see cref="PrismClientOptions.ResultsUrl"/> (Results, which
/// knows each job's state; behind the ingress both are one host).
/// Error answers become <see cref="PrismApiException"/> (or <see cref="PrismValidationException"/>,
/// <see cref="PrismUnavailableException"/>); a server that cannot be reached surfaces as <see cref="HttpRequestException"/>.
/// Thread-safe; hold one per <see cref="HttpClient"/> (or register it with <c>services.AddPrismClient(...)</c>).
/// </summary>
public sealed class PrismClient
{
    /// <summary>Longest <c>waitSeconds</c> the Results API accepts in one long-poll.</summary>
    public const int MaxWaitSecondsPerRequest = 60;

    /// <summary>The SSE event name of job events.</summary>
    public const string JobEventName = "job";

    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    // A long-poll may take waitSeconds; give the answer this long on top before calling the request lost.
    private static readonly TimeSpan LongPollSlack = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly PrismClientOptions _options;
    private readonly Uri _ingest;
    private readonly Uri _results;

    /// <summary>Creates a client over <paramref name="http"/> (whose lifetime the caller owns).</summary>
    /// <exception cref="ArgumentException">Neither <see cref="PrismClientOptions.BaseUrl"/> nor the HttpClient's BaseAddress is set.</exception>
    public PrismClient(HttpClient http, PrismClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        var ingest = options.BaseUrl ?? http.BaseAddress
            ?? throw new ArgumentException("Set PrismClientOptions.BaseUrl (or the HttpClient's BaseAddress) to Prism's URL, e.g. http://localhost:8080.", nameof(options));
        _ingest = AsBase(ingest);
        _results = AsBase(options.ResultsUrl ?? ingest);
    }

    /// <summary>The JSON dialect of the API (camelCase, nulls left out; unknown members tolerated so newer servers stay readable).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>Base URL submissions go to.</summary>
    public Uri IngestUrl => _ingest;

    /// <summary>Base URL of results, cancels, events, processors and health.</summary>
    public Uri ResultsUrl => _results;

    /// <summary>Submits a job whose kind follows from the input's type (<see cref="JobKindMap"/>), e.g. a <c>PixelsEntropyInput</c> is a <c>pixels.entropy</c> job.</summary>
    /// <exception cref="ArgumentException">No kind takes <typeparamref name="TInput"/> as input.</exception>
    /// <exception cref="PrismValidationException">The input is invalid; <see cref="PrismApiException.Errors"/> names the fields.</exception>
    /// <exception cref="PrismUnavailableException">The job queue did not accept the job; retry after <see cref="PrismUnavailableException.RetryAfter"/>.</exception>
    public Task<JobReceipt> SubmitAsync<TInput>(TInput input, SubmitOptions? options = null, CancellationToken cancellationToken = default) where TInput : class
    {
        ArgumentNullException.ThrowIfNull(input);
        return SubmitAsync(JobKindMap.KindOf(input.GetType()), input, options, cancellationToken);
    }

    /// <summary>Submits a job of <paramref name="kind"/>; <paramref name="input"/> is anything that serializes to its input (a record, a <see cref="JsonElement"/>, a dictionary).</summary>
    /// <exception cref="PrismValidationException">The input is invalid or the kind unknown.</exception>
    /// <exception cref="PrismUnavailableException">The job queue did not accept the job.</exception>
    public async Task<JobReceipt> SubmitAsync(string kind, object input, SubmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = JobRequests.Create(kind, input, options);
        using var request = new HttpRequestMessage(HttpMethod.Post, Resolve(_ingest, "api/v1/jobs"))
        {
            Content = JsonContent.Create(body, options: JsonOptions),
        };
        if (!string.IsNullOrEmpty(options?.IdempotencyKey)) request.Headers.Add("Idempotency-Key", options.IdempotencyKey);
        return await SendAsync<JobReceipt>(request, HttpStatusCode.Accepted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits many jobs in one request (<c>POST /api/v1/jobs/batch</c>). All or nothing: one invalid item rejects the whole
    /// batch with a <see cref="PrismValidationException"/> whose error keys start with the item's index (<c>[3].input.width</c>).
    /// </summary>
    /// <returns>One receipt per request, in request order.</returns>
    /// <exception cref="PrismUnavailableException">Not all jobs were confirmed by the broker; <see cref="PrismUnavailableException.Accepted"/> lists those that were.</exception>
    public async Task<IReadOnlyList<JobReceipt>> SubmitBatchAsync(IEnumerable<SubmitJobRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var items = requests as IReadOnlyCollection<SubmitJobRequest> ?? requests.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, Resolve(_ingest, "api/v1/jobs/batch"))
        {
            Content = JsonContent.Create(items, options: JsonOptions),
        };
        var receipts = await SendAsync<JobReceipt[]>(request, HttpStatusCode.Accepted, cancellationToken).ConfigureAwait(false);
        if (receipts.Length != items.Count)
        {
            throw new PrismApiException($"The batch of {items.Count} jobs was answered with {receipts.Length} receipts.");
        }
        return receipts;
    }

    /// <summary>Reads a job's current state (<c>GET /api/v1/results/{id}</c>).</summary>
    /// <exception cref="PrismApiException">404 when no such job is recorded (a job submitted a moment ago may not be yet).</exception>
    public Task<JobResultView> GetResultAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        GetResultAsync(jobId, waitSeconds: null, cancellationToken);

    /// <summary>Reads a job's current state with its result deserialized as <typeparamref name="TOutput"/>.</summary>
    public async Task<JobResult<TOutput>> GetResultAsync<TOutput>(Guid jobId, CancellationToken cancellationToken = default) where TOutput : class =>
        Typed<TOutput>(await GetResultAsync(jobId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Waits until the job is finished (succeeded, failed or cancelled) or <paramref name="timeout"/> has passed, long-polling
    /// at most <see cref="MaxWaitSecondsPerRequest"/> seconds per request. Returns the last state read: check
    /// <see cref="JobResultView.Status"/> — it is not terminal when the time ran out.
    /// </summary>
    /// <exception cref="PrismApiException">404 when the job was never recorded within <paramref name="timeout"/>.</exception>
    public async Task<JobResultView> WaitAsync(Guid jobId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        JobResultView? last = null;
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            var waitSeconds = (int)Math.Clamp(Math.Ceiling(left.TotalSeconds), 0, MaxWaitSecondsPerRequest);
            try
            {
                last = await GetResultAsync(jobId, waitSeconds, cancellationToken).ConfigureAwait(false);
                if (JobStatus.IsTerminal(last.Status)) return last;
            }
            catch (PrismApiException ex) when (ex.Status == HttpStatusCode.NotFound && waitSeconds > 0 && DateTimeOffset.UtcNow < deadline)
            {
                // The server waited waitSeconds for the job to appear; the submit may still be in flight.
                continue;
            }
            if (DateTimeOffset.UtcNow >= deadline) return last;
        }
    }

    /// <summary>Like <see cref="WaitAsync(Guid, TimeSpan, CancellationToken)"/>, with the result deserialized as <typeparamref name="TOutput"/>.</summary>
    public async Task<JobResult<TOutput>> WaitAsync<TOutput>(Guid jobId, TimeSpan timeout, CancellationToken cancellationToken = default) where TOutput : class =>
        Typed<TOutput>(await WaitAsync(jobId, timeout, cancellationToken).ConfigureAwait(false));

    /// <summary>Lists jobs newest first (<c>GET /api/v1/results</c>); pass <see cref="JobPage.NextCursor"/> back as <paramref name="cursor"/>.</summary>
    public Task<JobPage> ListResultsAsync(string? status = null, string? kind = null, int? limit = null, string? cursor = null, CancellationToken cancellationToken = default)
    {
        var query = Query(("status", status), ("kind", kind), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor));
        return GetAsync<JobPage>(Resolve(_results, "api/v1/results" + query), cancellationToken);
    }

    /// <summary>
    /// Asks for a job to be cancelled (<c>DELETE /api/v1/jobs/{id}</c>, served by Results); it ends <c>cancelled</c>
    /// unless it finishes first.
    /// </summary>
    /// <exception cref="PrismApiException">409 when the job has already finished; 404 when there is no such job.</exception>
    public async Task<CancelReceipt> CancelAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Resolve(_results, $"api/v1/jobs/{jobId}"));
        return await SendAsync<CancelReceipt>(request, HttpStatusCode.Accepted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Live processors with their engines, devices and kinds (<c>GET /api/v1/processors</c>).</summary>
    public async Task<IReadOnlyList<ProcessorView>> ListProcessorsAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<ProcessorView[]>(Resolve(_results, "api/v1/processors"), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A domain's health (<c>GET /api/v1/{domain}/health</c>, e.g. <c>pixels</c>). An unhealthy domain is returned
    /// with its status (<c>degraded</c>/<c>unavailable</c>), not thrown, even when the server answers it with 503.
    /// </summary>
    public async Task<DomainHealthView> GetDomainHealthAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        using var request = new HttpRequestMessage(HttpMethod.Get, Resolve(_results, $"api/v1/{Uri.EscapeDataString(domain)}/health"));
        Authorize(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var media = response.Content.Headers.ContentType?.MediaType;
        if (response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.ServiceUnavailable && string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return await ReadAsync<DomainHealthView>(response, cancellationToken).ConfigureAwait(false);
        }
        throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams job events (<c>GET /api/v1/events</c>, server-sent events) until <paramref name="cancellationToken"/> is
    /// cancelled. A stream for one <see cref="EventFilter.JobId"/> starts at that job's first event; any other starts now,
    /// or after <see cref="EventFilter.LastEventId"/>. A dropped connection is reopened after <see cref="PrismClientOptions.ReconnectDelay"/> (or the server's
    /// <c>retry:</c>) with <c>Last-Event-ID</c>, so no event is lost or repeated; after
    /// <see cref="PrismClientOptions.MaxReconnectAttempts"/> failed attempts in a row the last error is thrown.
    /// </summary>
    /// <exception cref="PrismApiException">The server refused the subscription (e.g. 400 for an unknown kind, 401).</exception>
    public async IAsyncEnumerable<JobEvent> SubscribeAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var url = Resolve(_results, "api/v1/events" + Query(("jobId", filter.JobId?.ToString()), ("kind", filter.Kind)));
        var lastId = filter.LastEventId;
        var failures = 0;
        var retry = _options.ReconnectDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HttpResponseMessage? response = null;
            try
            {
                response = await OpenStreamAsync(url, lastId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                if (++failures > _options.MaxReconnectAttempts) throw;
                await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var parser = SseParser.Create(stream);
                var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await events.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (IsTransient(ex, cancellationToken))
                        {
                            more = false;
                        }
                        if (!more) break;

                        var item = events.Current;
                        if (item.ReconnectionInterval is { } interval) retry = interval;
                        if (!string.Equals(item.EventType, JobEventName, StringComparison.Ordinal)) continue;
                        var evt = JsonSerializer.Deserialize<JobEvent>(item.Data, JsonOptions)
                            ?? throw new PrismApiException($"The event stream sent an empty job event (id {item.EventId}).");
                        if (evt.Id <= lastId) continue;
                        lastId = evt.Id;
                        failures = 0;
                        yield return evt;
                    }
                }
                finally
                {
                    await events.DisposeAsync().ConfigureAwait(false);
                }
            }
            await Task.Delay(retry, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> OpenStreamAsync(Uri url, long? lastId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(EventStream);
        if (lastId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        Authorize(request);
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or IOException => true,
        PrismUnavailableException => true,
        PrismApiException api => (int)api.Status >= 500,
        _ => false,
    };

    private async Task<JobResultView> GetResultAsync(Guid jobId, int? waitSeconds, CancellationToken cancellationToken)
    {
        var query = waitSeconds is { } wait ? $"?waitSeconds={wait.ToString(CultureInfo.InvariantCulture)}" : "";
        if (waitSeconds is not > 0) return await GetAsync<JobResultView>(Resolve(_results, $"api/v1/results/{jobId}{query}"), cancellationToken).ConfigureAwait(false);

        // The HttpClient's own timeout may be shorter than a long-poll; bound the request by the wait instead.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(waitSeconds.Value) + LongPollSlack);
        return await GetAsync<JobResultView>(Resolve(_results, $"api/v1/results/{jobId}{query}"), bounded.Token).ConfigureAwait(false);
    }

    private async Task<T> GetAsync<T>(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendAsync<T>(request, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        Authorize(request);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await ProblemReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != expected)
        {
            throw new PrismApiException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} where {(int)expected} was expected.");
        }
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonOptions, cancellationToken).ConfigureAwait(false)
                ?? throw new PrismApiException($"{response.RequestMessage?.RequestUri} answered an empty body.");
        }
        catch (JsonException ex)
        {
            throw new PrismApiException($"{response.RequestMessage?.RequestUri} answered a body that is not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(_options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
    }

    private static JobResult<TOutput> Typed<TOutput>(JobResultView job) where TOutput : class => new()
    {
        Job = job,
        Output = job.Status == JobStatus.Succeeded && job.Result is { } result ? result.Deserialize<TOutput>(JsonOptions) : null,
    };

    private static Uri AsBase(Uri url)
    {
        if (!url.IsAbsoluteUri) throw new ArgumentException($"Prism's URL must be absolute (was '{url}').", nameof(url));
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/" + url.Query);
    }

    /// <summary>Joins a base URL and an API path; a leading '/' (as in receipt links) stays under the base's own path.</summary>
    private static Uri Resolve(Uri baseUrl, string path) => new(baseUrl, path.TrimStart('/'));

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null) continue;
            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
            MaxDepth = PrismJson.MaxDepth,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
