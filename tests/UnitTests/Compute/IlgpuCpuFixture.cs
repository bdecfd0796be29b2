using Microsoft.Extensions.Logging.Abstractions;
using Prism.Compute;

namespace Prism.UnitTests.Compute;

/// <summary>
/// One ILGPU CPU-simulator device for all kernel tests (creating a context costs ~1 s). The
/// simulator runs the real kernels, hundreds of times slower than native: keep inputs small.
/// </summary>
public sealed class IlgpuCpuFixture : IDisposable
{
    public ComputeDevice Device { get; } = new(EngineNames.IlgpuCpu, NullLogger<ComputeDevice>.Instance);

    public void Dispose() => Device.Dispose();
}

[CollectionDefinition(Name)]
public sealed class IlgpuCollection : ICollectionFixture<IlgpuCpuFixture>
{
    public const string Name = "ILGPU CPU accelerator";
}
