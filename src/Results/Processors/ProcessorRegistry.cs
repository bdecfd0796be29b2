using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Prism.Contracts;
using Prism.Contracts.Api;

namespace Prism.Results.Processors;

/// <summary>Live processors, from their heartbeats. Every replica keeps its own (each gets every heartbeat).</summary>
public sealed class ProcessorRegistry(IOptions<ResultsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ProcessorView> _processors = new(StringComparer.Ordinal);

    public void Record(ProcessorHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        if (heartbeat.Stopping)
        {
            _processors.TryRemove(heartbeat.ProcessorId, out _);
            return;
        }
        _processors[heartbeat.ProcessorId] = new ProcessorView
        {
            ProcessorId = heartbeat.ProcessorId, Engine = heartbeat.Engine, DeviceName = heartbeat.DeviceName,
            MemoryBytes = heartbeat.MemoryBytes, Kinds = heartbeat.Kinds, InFlight = heartbeat.InFlight,
            JobsDone = heartbeat.JobsDone, Version = heartbeat.Version, LastSeen = clock.GetUtcNow(),
        };
    }

    /// <summary>Processors heard from within <see cref="ResultsOptions.ProcessorTimeoutSeconds"/>; older ones are forgotten.</summary>
    public IReadOnlyList<ProcessorView> Live()
    {
        var cutoff = clock.GetUtcNow().AddSeconds(-options.Value.ProcessorTimeoutSeconds);
        foreach (var (id, view) in _processors)
        {
            if (view.LastSeen < cutoff) _processors.TryRemove(id, out _);
        }
        return [.. _processors.Values.Where(p => p.LastSeen >= cutoff).OrderBy(p => p.ProcessorId, StringComparer.Ordinal)];
    }
}
