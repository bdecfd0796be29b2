using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Options;
using Prism.Compute;
using Prism.Contracts;

namespace Prism.Processor.Jobs;

/// <summary>Publishes a <see cref="ProcessorHeartbeat"/> every few seconds, and a last one marked stopping on shutdown.</summary>
public sealed partial class HeartbeatService(IBus bus, JobRunner runner, ComputeDevice device, KindHandlerRegistry handlers,
    IOptions<ProcessorOptions> options, TimeProvider clock, ILogger<HeartbeatService> logger) : BackgroundService
{
    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock);
        do
        {
            try
            {
                await bus.Publish(Beat(stopping: false), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The broker may be restarting; the next beat tries again and Results ages us out meanwhile.
                LogMissed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await bus.Publish(Beat(stopping: true), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMissed(logger, ex.Message);
        }
    }

    private ProcessorHeartbeat Beat(bool stopping) => new()
    {
        ProcessorId = options.Value.ProcessorId, Engine = device.Engine, DeviceName = device.DeviceName,
        MemoryBytes = device.MemoryBytes, Kinds = handlers.Kinds, InFlight = runner.InFlight, JobsDone = runner.JobsDone,
        Version = Version, SentAt = clock.GetUtcNow(), Stopping = stopping,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not published: {Reason}")]
    private static partial void LogMissed(ILogger logger, string reason);
}
