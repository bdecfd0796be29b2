using Prism.Compute;

namespace Prism.Processor;

/// <summary>
/// Creates the compute device and the processor's instruments when the host starts rather than on
/// the first job or probe: a broken GPU shows at once, and <c>/metrics</c> reports
/// <c>prism_processor_engine_info</c> before any job arrives (the GPU alerts depend on it).
/// </summary>
public sealed partial class ComputeStartup(ComputeDevice device, ProcessorMetrics metrics, ILogger<ComputeStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        LogEngine(logger, device.Engine, device.DeviceName, device.MemoryBytes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Processor computes on {Engine} ({Device}, {MemoryBytes} bytes)")]
    private static partial void LogEngine(ILogger logger, string engine, string device, long memoryBytes);
}
