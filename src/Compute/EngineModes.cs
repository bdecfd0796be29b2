namespace Prism.Compute;

/// <summary>Values of the processor's <c>Processor:Engine</c>: the engine <see cref="ComputeDevice"/> picks.</summary>
public static class EngineModes
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";
    public const string IlgpuCpu = "ilgpu-cpu";

    public static IReadOnlyList<string> All { get; } = [Auto, Cpu, Gpu, IlgpuCpu];
}
