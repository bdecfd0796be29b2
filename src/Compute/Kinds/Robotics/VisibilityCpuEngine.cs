namespace Prism.Compute.Kinds.Robotics;

/// <summary>Managed CPU engine: rows of the matrix in parallel, each candidate edge walked through an <see cref="ObstacleGrid"/>.</summary>
public sealed class VisibilityCpuEngine : IVisibilityEngine
{
    public Task<VisibilityMatrix> VisibilityAsync(PlanScene scene, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var grid = new ObstacleGrid(scene);
        var matrix = new VisibilityMatrix(scene.NodeCount);
        // Row i holds pairs (i, j > i): early rows are longer, so hand rows out one at a time.
        Parallel.For(0, scene.NodeCount, ComputeThreads.Options(cancellationToken), i =>
        {
            for (var j = i + 1; j < scene.NodeCount; j++)
            {
                if (grid.Clear(i, j)) matrix.Set(i, j);
            }
        });
        return Task.FromResult(matrix);
    }
}
