using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Prism.ServiceDefaults;

/// <summary>OpenTelemetry for every process: Prometheus on /metrics always, OTLP when an endpoint is configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>Meter and activity source names of Prism's own instrumentation.</summary>
    public static readonly string[] PrismSources = ["Prism.Ingest", "Prism.Processor", "Prism.Results"];

    /// <summary>
    /// Process-wide figures the runtime meter lacks: the memory limit the GC sees (the container's
    /// cgroup limit when there is one), so an alert can compare the working set with it.
    /// </summary>
    private static readonly Meter ProcessMeter = CreateProcessMeter();

    public static IHostApplicationBuilder AddPrismTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(PrismSources)
                .AddMeter(ProcessMeter.Name)
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health") && !ctx.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSource("MassTransit")
                .AddSource(PrismSources));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return builder;
    }

    private static Meter CreateProcessMeter()
    {
        var meter = new Meter("Prism.Process");
        meter.CreateObservableGauge("prism.process.memory.limit", () => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, "By",
            "Memory this process may use: the container limit when one is set, else the machine's memory.");
        return meter;
    }
}
