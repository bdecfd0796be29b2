namespace Prism.Compute;

/// <summary>The engine names reported in results, heartbeats and metrics.</summary>
public static class EngineNames
{
    /// <summary>The managed CPU engine (Parallel + SIMD).</summary>
    public const string Cpu = "cpu";
    public const string IlgpuCuda = "ilgpu-cuda";
    public const string IlgpuOpenCl = "ilgpu-opencl";

    /// <summary>ILGPU's CPU simulator: tests only.</summary>
    public const string IlgpuCpu = "ilgpu-cpu";
}
