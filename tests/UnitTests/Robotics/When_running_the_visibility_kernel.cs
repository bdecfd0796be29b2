using Prism.Compute.Kinds.Robotics;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Robotics;

[Collection(IlgpuCollection.Name)]
public sealed class When_running_the_visibility_kernel(IlgpuCpuFixture ilgpu)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(4, 1)]
    [InlineData(6, 2)]
    public async Task It_equals_the_CPU_engine_bit_for_bit(int count, int seed)
    {
        var scene = SceneBuilder.Build(Scenes.Random(count, seed), sides: 12);
        var cpu = await new VisibilityCpuEngine().VisibilityAsync(scene, Ct);
        var gpu = await new VisibilityIlgpuEngine(ilgpu.Device).VisibilityAsync(scene, Ct);
        Assert.Equal(cpu.Words, gpu.Words);
        // Neither trivially empty nor complete: the obstacles block some candidate edges and not others.
        Assert.InRange(gpu.PairCount(), 1, (long)scene.NodeCount * (scene.NodeCount - 1) / 2 - 1);
    }

    [Fact]
    public async Task It_plans_the_same_path_as_the_CPU_engine()
    {
        var input = Scenes.Input([10, 50], [90, 50], [Scenes.Disc(50, 50, 10), Scenes.Disc(30, 62, 4)], robotRadius: 1);
        var gpu = await When_planning_a_path.PlanAsync(new VisibilityIlgpuEngine(ilgpu.Device), input);
        var cpu = await When_planning_a_path.PlanAsync(new VisibilityCpuEngine(), input);
        Assert.Equal(cpu.Path, gpu.Path);
        Scenes.AssertCollisionFree(input, gpu.Path);
    }
}
