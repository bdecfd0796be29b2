using Prism.Compute;

namespace Prism.Processor;

/// <summary>Settings of a processor (section <c>Processor</c>).</summary>
public sealed class ProcessorOptions
{
    public const string SectionName = "Processor";

    /// <summary>
    /// <c>auto</c> (default): an ILGPU CUDA or OpenCL device when one is present, else the managed CPU engine.
    /// <c>cpu</c>: always the managed CPU engine. <c>gpu</c>: a GPU or refuse to start.
    /// <c>ilgpu-cpu</c>: ILGPU's CPU simulator — for tests of the kernels only, hundreds of times slower.
    /// </summary>
    public string Engine { get; set; } = EngineNames.Auto;

    /// <summary>Name this processor reports in events and heartbeats. Defaults to host name and process id.</summary>
    public string ProcessorId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Jobs computed at once. Defaults to the number of cores.</summary>
    public int MaxConcurrentJobs { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Most jobs of one kind computed in one engine call (dynamic batching, for kinds that implement
    /// <see cref="IBatchKindHandler"/>). 1 turns batching off.
    /// </summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>Longest a job waits for others of its kind to join its batch, in milliseconds.</summary>
    public double MaxBatchDelayMs { get; set; } = 2;

    /// <summary>
    /// <c>JobStarted</c> is published for a job still computing this many milliseconds after it started;
    /// a job done sooner is announced by its outcome alone, which carries <c>startedAt</c> (Results then
    /// records both stages, so its event stream is the same). Saves a message and a store update per
    /// tiny job. 0 announces every start at once.
    /// </summary>
    public double AnnounceStartAfterMs { get; set; } = 100;

    /// <summary>Seconds between heartbeats (Results lists a processor as live for 15 s after its last one).</summary>
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>
    /// Longest a job may compute before it ends failed with <c>job_timeout</c>. It must stay below the
    /// broker's consumer timeout (<see cref="BrokerConsumerTimeoutSeconds"/>): a delivery held longer is
    /// taken back by RabbitMQ, which closes the channel and redelivers every job on it, to run twice.
    /// </summary>
    public double MaxJobSeconds { get; set; } = 1500;

    /// <summary>RabbitMQ's <c>consumer_timeout</c> in seconds (its default: 30 min). Set it to match the broker's.</summary>
    public double BrokerConsumerTimeoutSeconds { get; set; } = 1800;
}
