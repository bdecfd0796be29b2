using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Microsoft.Extensions.Logging;

namespace Prism.Compute;

/// <summary>
/// The process's one compute device: an ILGPU accelerator (CUDA, OpenCL, or the CPU simulator for
/// tests) or none, in which case every kind runs its managed CPU engine. Chosen once at start.
/// Disposes the accelerator before the context.
/// </summary>
public sealed class ComputeDevice : IDisposable
{
    private readonly Context? _context;
    private readonly SemaphoreSlim _launchGate = new(1, 1);

    /// <param name="mode">One of <see cref="EngineNames.Modes"/> (the processor's <c>Processor:Engine</c>).</param>
    /// <param name="logger">Told why no GPU is usable when <c>auto</c> falls back to the CPU engine.</param>
    public ComputeDevice(string mode, ILogger<ComputeDevice> logger)
    {
        if (mode == EngineNames.Cpu)
        {
            Engine = EngineNames.Cpu;
            DeviceName = CpuInfo.ModelName();
            MemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return;
        }

        if (mode == EngineNames.IlgpuCpu)
        {
            _context = Context.Create(b => b.CPU().EnableAlgorithms());
            Accelerator = _context.CreateCPUAccelerator(0);
            Engine = EngineNames.IlgpuCpu;
        }
        else
        {
            (_context, Accelerator) = TryCreateGpu(logger);
            if (Accelerator is null && mode == EngineNames.Gpu)
            {
                throw new InvalidOperationException("Processor:Engine is 'gpu' but no CUDA or OpenCL device was found.");
            }
            Engine = Accelerator switch
            {
                CudaAccelerator => EngineNames.IlgpuCuda,
                CLAccelerator => EngineNames.IlgpuOpenCl,
                _ => EngineNames.Cpu,
            };
        }

        DeviceName = Accelerator?.Name ?? CpuInfo.ModelName();
        MemoryBytes = Accelerator?.MemorySize ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>The ILGPU accelerator the kernels run on; null when the managed CPU engine runs.</summary>
    public Accelerator? Accelerator { get; }

    /// <summary>One of <see cref="EngineNames"/>.</summary>
    public string Engine { get; }
    public string DeviceName { get; }
    public long MemoryBytes { get; }

    /// <summary>
    /// Runs <paramref name="launch"/> on the accelerator with no other launch at the same time: one ILGPU
    /// stream is not safe to drive from several threads. Allocate, launch, synchronise and copy back
    /// inside it.
    /// </summary>
    public async Task<T> LaunchAsync<T>(Func<Accelerator, T> launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var accelerator = Accelerator ?? throw new InvalidOperationException($"No accelerator: this process computes on the {Engine} engine.");
        await _launchGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return launch(accelerator);
        }
        finally
        {
            _launchGate.Release();
        }
    }

    /// <inheritdoc cref="LaunchAsync{T}(Func{Accelerator, T}, CancellationToken)"/>
    public Task LaunchAsync(Action<Accelerator> launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        return LaunchAsync(accelerator =>
        {
            launch(accelerator);
            return true;
        }, cancellationToken);
    }

    private static (Context?, Accelerator?) TryCreateGpu(ILogger logger)
    {
        Context? context = null;
        try
        {
            context = Context.Create(b => b.Cuda().OpenCL().EnableAlgorithms());
            var device = context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.Cuda)
                ?? context.Devices.FirstOrDefault(d => d.AcceleratorType == AcceleratorType.OpenCL);
            if (device is null)
            {
                context.Dispose();
                return (null, null);
            }
            return (context, device.CreateAccelerator(context));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missing or broken driver means no GPU here, not a processor that cannot start.
            logger.LogWarning(ex, "No usable GPU: {Reason}; the CPU engine runs instead", ex.Message);
            context?.Dispose();
            return (null, null);
        }
    }

    public void Dispose()
    {
        Accelerator?.Dispose();
        _context?.Dispose();
        _launchGate.Dispose();
    }
}
