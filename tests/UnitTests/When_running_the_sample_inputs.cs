using System.Text.Json;
using Prism.Compute.Kinds.Graph;
using Prism.Compute.Kinds.Robotics;
using Prism.Contracts.Kinds.Graph;
using Prism.Contracts.Kinds.Robotics;
using Prism.Contracts.Validation;

namespace Prism.UnitTests;

/// <summary>The samples/ inputs the README and end-to-end tests use must validate and give a non-degenerate result.</summary>
public sealed class When_running_the_sample_inputs
{
    private static JsonElement Sample(string kind)
    {
        var path = Path.Combine(Repository.Root, "samples", kind + ".json");
        Assert.True(new FileInfo(path).Length < 20_000, $"{path} should stay under 20 KB");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    private static object Parse(IJobKind kind)
    {
        var result = kind.Parse(Sample(kind.Name));
        Assert.True(result.IsValid, result.Errors.ToString());
        return result.Input!;
    }

    [Fact]
    public async Task The_graph_color_sample_reaches_seven_colours_on_the_queen_graph()
    {
        var input = (GraphColorInput)Parse(new GraphColorKind());
        var output = (GraphColorOutput)await new GraphColorHandler(new ColoringCpuEngine()).ExecuteAsync(input, CancellationToken.None);
        Assert.True(output.Valid);
        Assert.Equal(7, output.ColorCount);
    }

    [Fact]
    public async Task The_robotics_plan_sample_finds_a_path_through_the_gap()
    {
        var input = (RoboticsPlanInput)Parse(new RoboticsPlanKind());
        var output = (RoboticsPlanOutput)await new RoboticsPlanHandler(new VisibilityCpuEngine()).ExecuteAsync(input, CancellationToken.None);
        Assert.True(output.CollisionFree);
        Assert.True(output.Path.Length > 2);
        Assert.Contains(output.Path, p => p[1] > 60);
        Assert.Equal(output.Length / 2.5, output.Duration, 12);
    }
}
