using ILGPU;
using ILGPU.Runtime;

namespace Prism.Compute.Kinds.Robotics;

/// <summary>
/// ILGPU engine of <c>robotics.plan</c>: the whole V×V pair grid, one thread per candidate edge,
/// launched in blocks of rows of at most <see cref="MaxThreadsPerLaunch"/> threads.
/// </summary>
public sealed class VisibilityIlgpuEngine : IVisibilityEngine
{
    /// <summary>Threads per launch (2^27): bounds the block's result buffer to V/8 bytes per row.</summary>
    public const int MaxThreadsPerLaunch = 1 << 27;

    private readonly ComputeDevice _device;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<uint>, VisibilityKernelParams> _kernel;

    public VisibilityIlgpuEngine(ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        var accelerator = device.Accelerator ?? throw new InvalidOperationException("The ILGPU visibility engine needs an accelerator.");
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<uint>, VisibilityKernelParams>(VisibilityKernels.Visibility);
    }

    public async Task<VisibilityMatrix> VisibilityAsync(PlanScene scene, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scene);
        int v = scene.NodeCount, m = scene.ObstacleCount;
        var matrix = new VisibilityMatrix(v);
        var nodeData = new double[2 * v];
        for (var i = 0; i < v; i++)
        {
            nodeData[2 * i] = scene.NodeX[i];
            nodeData[2 * i + 1] = scene.NodeY[i];
        }
        var obstacleData = new double[Math.Max(3, 3 * m)];
        for (var o = 0; o < m; o++)
        {
            obstacleData[3 * o] = scene.ObstacleX[o];
            obstacleData[3 * o + 1] = scene.ObstacleY[o];
            obstacleData[3 * o + 2] = scene.ObstacleReach[o];
        }
        var words32 = 2 * matrix.WordsPerRow;
        var rowsPerLaunch = Math.Max(1, MaxThreadsPerLaunch / v);

        return await _device.LaunchAsync(accelerator =>
        {
            using var nodes = accelerator.Allocate1D(nodeData);
            using var obstacles = accelerator.Allocate1D(obstacleData);
            using var words = accelerator.Allocate1D<uint>((long)Math.Min(rowsPerLaunch, v) * words32);
            var block = new uint[words.Length];
            for (var first = 0; first < v; first += rowsPerLaunch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = Math.Min(rowsPerLaunch, v - first);
                words.MemSetToZero();
                _kernel(rows * v, nodes.View, obstacles.View, words.View, new VisibilityKernelParams(v, m, words32, first));
                accelerator.Synchronize();
                words.CopyToCPU(block);
                for (var r = 0; r < rows; r++)
                {
                    var target = (long)(first + r) * matrix.WordsPerRow;
                    for (var w = 0; w < matrix.WordsPerRow; w++)
                    {
                        matrix.Words[target + w] = block[(long)r * words32 + 2 * w] | ((ulong)block[(long)r * words32 + 2 * w + 1] << 32);
                    }
                }
            }
            return matrix;
        }, cancellationToken).ConfigureAwait(false);
    }
}
