namespace Prism.Compute;

/// <summary>
/// Engine names, one set for both uses: the modes <c>Processor:Engine</c> accepts (<see cref="Modes"/>),
/// and the engine a <see cref="ComputeDevice"/> reports running in results, heartbeats and metrics
/// (<see cref="Cpu"/>, <see cref="IlgpuCuda"/>, <see cref="IlgpuOpenCl"/>, <see cref="IlgpuCpu"/>).
/// </summary>
public static class EngineNames
{
    /// <summary>Mode: an ILGPU CUDA or OpenCL device when one is present, else <see cref="Cpu"/>.</summary>
    public const string Auto = "auto";

    /// <summary>Mode: an ILGPU CUDA or OpenCL device, or refuse to start.</summary>
    public const string Gpu = "gpu";

    /// <summary>Mode and engine: the managed CPU engine (Parallel + SIMD).</summary>
    public const string Cpu = "cpu";

    /// <summary>Mode and engine: ILGPU's CPU simulator, for tests only.</summary>
    public const string IlgpuCpu = "ilgpu-cpu";

    /// <summary>Engine: ILGPU on a CUDA device.</summary>
    public const string IlgpuCuda = "ilgpu-cuda";

    /// <summary>Engine: ILGPU on an OpenCL device.</summary>
    public const string IlgpuOpenCl = "ilgpu-opencl";

    /// <summary>The modes <c>Processor:Engine</c> accepts.</summary>
    public static IReadOnlyList<string> Modes { get; } = [Auto, Cpu, Gpu, IlgpuCpu];
}
