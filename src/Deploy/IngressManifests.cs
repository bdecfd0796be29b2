using k8s.Models;
using Prism.Contracts.Validation;

namespace Prism.Deploy;

/// <summary>
/// The one public host: <c>/api/v1/jobs</c> and each domain's alias prefix go to Ingest, the domain's
/// <c>/health</c>, results, processors and the streams to Results. The domains are those of the
/// <see cref="JobKindCatalog"/>, so a kind added there is routed without editing the ingress.
/// </summary>
public static class IngressManifests
{
    public const string FileName = "ingress.yaml";
    public const string Host = "api.prism.example.com";
    public const string IngestService = "prism-ingest";
    public const int IngestPort = 8080;
    public const string ResultsService = "prism-results";
    public const int ResultsPort = 8081;

    /// <summary>The API ingress and the streams ingress, in file order.</summary>
    public static IReadOnlyList<V1Ingress> All(JobKindCatalog catalog) => [Api(catalog), Streams()];

    public static V1Ingress Api(JobKindCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        List<V1HTTPIngressPath> paths = [Path("/api/v1/jobs", "Prefix", IngestService, IngestPort)];
        foreach (var domain in catalog.Domains)
        {
            paths.Add(Path($"/api/v1/{domain}/health", "Exact", ResultsService, ResultsPort));
            paths.Add(Path($"/api/v1/{domain}", "Prefix", IngestService, IngestPort));
        }
        paths.Add(Path("/api/v1/results", "Prefix", ResultsService, ResultsPort));
        paths.Add(Path("/api/v1/processors", "Prefix", ResultsService, ResultsPort));
        return Ingress("prism-api", paths, new Dictionary<string, string>
        {
            // Ingest's limit (Ingest__MaxBodyBytes = 32 MiB); nginx answers 413 above it.
            ["nginx.ingress.kubernetes.io/proxy-body-size"] = "32m",
            // Long-polls wait up to 60 s (waitSeconds); give them headroom.
            ["nginx.ingress.kubernetes.io/proxy-read-timeout"] = "75",
            ["nginx.ingress.kubernetes.io/proxy-send-timeout"] = "75",
        });
    }

    /// <summary>SSE and WebSocket stay open for up to an hour, unbuffered, with WebSocket upgrade.</summary>
    public static V1Ingress Streams() => Ingress("prism-streams",
        [Path("/api/v1/events", "Prefix", ResultsService, ResultsPort), Path("/ws", "Exact", ResultsService, ResultsPort)],
        new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/proxy-read-timeout"] = "3600",
            ["nginx.ingress.kubernetes.io/proxy-send-timeout"] = "3600",
            ["nginx.ingress.kubernetes.io/proxy-buffering"] = "off",
            ["nginx.ingress.kubernetes.io/proxy-http-version"] = "1.1",
        });

    private static V1Ingress Ingress(string name, List<V1HTTPIngressPath> paths, Dictionary<string, string> annotations)
    {
        var all = new Dictionary<string, string>
        {
            ["nginx.ingress.kubernetes.io/ssl-redirect"] = "true",
            ["nginx.ingress.kubernetes.io/limit-rps"] = "50",
            ["nginx.ingress.kubernetes.io/limit-burst-multiplier"] = "3",
            ["nginx.ingress.kubernetes.io/enable-cors"] = "true",
            ["nginx.ingress.kubernetes.io/cors-allow-origin"] = "https://app.prism.example.com",
            ["nginx.ingress.kubernetes.io/cors-allow-methods"] = "GET, POST, DELETE, OPTIONS",
            ["nginx.ingress.kubernetes.io/cors-allow-headers"] = "Authorization, X-API-Key, Content-Type, Idempotency-Key, Last-Event-ID",
            ["nginx.ingress.kubernetes.io/cors-expose-headers"] = "Location, Retry-After",
            ["nginx.ingress.kubernetes.io/cors-max-age"] = "600",
        };
        foreach (var (key, value) in annotations) all[key] = value;
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta { Name = name, Annotations = all },
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx",
                Tls = [new V1IngressTLS { Hosts = [Host], SecretName = "prism-tls" }],
                Rules = [new V1IngressRule { Host = Host, Http = new V1HTTPIngressRuleValue { Paths = paths } }],
            },
        };
    }

    private static V1HTTPIngressPath Path(string path, string pathType, string service, int port) => new()
    {
        Path = path,
        PathType = pathType,
        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = port } } },
    };
}
