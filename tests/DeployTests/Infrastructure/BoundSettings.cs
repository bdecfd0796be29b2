using System.Reflection;
using Prism.Ingest;
using Prism.Processor;
using Prism.Results;
using Prism.ServiceDefaults.Messaging;

namespace Prism.DeployTests.Infrastructure;

/// <summary>
/// The environment variables each service really reads: <c>Section__Property</c> of every options class
/// it binds, its connection strings, and ASP.NET Core's port. Built from the code by reflection, so a
/// renamed option fails the deploy checks.
/// </summary>
public static class BoundSettings
{
    public const string HttpPorts = "ASPNETCORE_HTTP_PORTS";
    public static readonly string RabbitMq = $"ConnectionStrings__{BusOptions.RabbitMqConnectionName}";
    public static readonly string ResultsStore = $"ConnectionStrings__{ResultsOptions.ConnectionName}";

    public static IReadOnlySet<string> For(string service) => service switch
    {
        "ingest" => Set(Options<IngestOptions>(IngestOptions.SectionName), Common),
        "results" => Set(Options<ResultsOptions>(ResultsOptions.SectionName), Common, [ResultsStore]),
        "processor" => Set(Options<ProcessorOptions>(ProcessorOptions.SectionName), Common),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a Prism service."),
    };

    /// <summary>The port each service listens on in compose and Kubernetes.</summary>
    public static int PortOf(string service) => service switch
    {
        "ingest" => 8080,
        "results" => 8081,
        "processor" => 8082,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a Prism service."),
    };

    public static IReadOnlyList<string> Services { get; } = ["ingest", "results", "processor"];

    private static IEnumerable<string> Common => Options<BusOptions>(BusOptions.SectionName).Append(RabbitMq).Append(HttpPorts);

    private static IEnumerable<string> Options<T>(string section) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{section}__{p.Name}");

    /// <summary>
    /// A list setting is bound from indexed entries: <c>Results__WebSocketAllowedOrigins__0</c> →
    /// <c>Results__WebSocketAllowedOrigins</c>; other names unchanged.
    /// </summary>
    public static string Unindexed(string name) => System.Text.RegularExpressions.Regex.Replace(name, @"__\d+$", "");

    private static HashSet<string> Set(params IEnumerable<string>[] parts) => parts.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
}
