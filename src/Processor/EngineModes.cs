namespace Prism.Processor;

/// <summary>Values of <see cref="ProcessorOptions.Engine"/>.</summary>
public static class EngineModes
{
    public const string Auto = "auto";
    public const string Cpu = "cpu";
    public const string Gpu = "gpu";
    public const string IlgpuCpu = "ilgpu-cpu";

    public static IReadOnlyList<string> All { get; } = [Auto, Cpu, Gpu, IlgpuCpu];
}
