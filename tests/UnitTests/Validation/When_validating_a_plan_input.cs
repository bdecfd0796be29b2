using System.Text.Json;
using Prism.Contracts.Kinds.Robotics;

namespace Prism.UnitTests.Validation;

public sealed class When_validating_a_plan_input
{
    private static readonly RoboticsPlanKind Kind = new();

    private const string Valid = """{"start":[1,1],"goal":[9,9],"bounds":[0,0,10,10],"obstacles":[{"center":[5,5],"radius":1}],"robotRadius":0.5,"maxVelocity":2}""";

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Kind.Parse(JsonDocument.Parse(json).RootElement).Errors.ToDictionary();

    private static string With(string field, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }

    [Fact]
    public void It_accepts_a_valid_scene()
    {
        var result = Kind.Parse(JsonDocument.Parse(Valid).RootElement);
        Assert.True(result.IsValid, result.Errors.ToString());
        Assert.Equal(2.0, Assert.IsType<RoboticsPlanInput>(result.Input).MaxVelocity);
    }

    [Fact]
    public void It_defaults_to_no_robot_radius_and_unit_speed()
    {
        var result = Kind.Parse(JsonDocument.Parse("""{"start":[1,1],"goal":[9,9],"bounds":[0,0,10,10],"obstacles":[]}""").RootElement);
        var input = Assert.IsType<RoboticsPlanInput>(result.Input);
        Assert.Equal(0.0, input.RobotRadius);
        Assert.Equal(1.0, input.MaxVelocity);
    }

    [Theory]
    [InlineData("start", "[5,5]", "input.start", "collision with obstacles[0]")]
    [InlineData("start", "[5,6.4]", "input.start", "collision")]
    [InlineData("goal", "[11,5]", "input.goal", "outside the bounds")]
    [InlineData("goal", "[1]", "input.goal", "exactly 2")]
    [InlineData("start", "null", "input.start", "required")]
    [InlineData("bounds", "[0,0,10]", "input.bounds", "exactly 4")]
    [InlineData("bounds", "[10,0,0,10]", "input.bounds", "minX < maxX")]
    [InlineData("bounds", "[0,0,10,1e7]", "input.bounds[3]", "magnitude")]
    [InlineData("obstacles", """[{"center":[5,5],"radius":0}]""", "input.obstacles[0].radius", "(0,")]
    [InlineData("obstacles", """[{"center":[5,5],"radius":-1}]""", "input.obstacles[0].radius", "(0,")]
    [InlineData("obstacles", """[{"center":[5],"radius":1}]""", "input.obstacles[0].center", "exactly 2")]
    [InlineData("obstacles", """[{"radius":1}]""", "input.obstacles[0].center", "required")]
    [InlineData("obstacles", "null", "input.obstacles", "required")]
    [InlineData("robotRadius", "-0.1", "input.robotRadius", "between")]
    [InlineData("maxVelocity", "0", "input.maxVelocity", "[1E-06,")]
    [InlineData("maxVelocity", "-3", "input.maxVelocity", "[1E-06,")]
    [InlineData("maxVelocity", "5e-324", "input.maxVelocity", "[1E-06,")]
    [InlineData("maxVelocity", "1e400", "input.maxVelocity", "")]
    [InlineData("start", "[1,\"a\"]", "input.start[1]", "")]
    public void It_names_the_field_at_fault(string field, string value, string errorField, string fragment)
    {
        var errors = Errors(With(field, value));
        Assert.True(errors.ContainsKey(errorField), $"expected {errorField}, got {string.Join(", ", errors.Keys)}");
        Assert.Contains(fragment, string.Join(" ", errors[errorField]), StringComparison.Ordinal);
    }

    [Fact]
    public void It_allows_a_start_exactly_on_the_inflated_boundary()
    {
        // Reach 1 + 0.5 = 1.5: distance exactly 1.5 keeps the required clearance.
        Assert.Empty(Errors(With("start", "[5,3.5]")));
    }

    [Fact]
    public void It_takes_obstacles_up_to_the_work_limit_and_refuses_one_more()
    {
        // The obstacle count is robotics.plan's work limit (up to 24,002 waypoints, ~32 s on the CPU engine at 2,000).
        string Obstacles(int count) => "[" + string.Join(",", Enumerable.Repeat("""{"center":[50,50],"radius":1}""", count)) + "]";
        Assert.Empty(Errors(With("obstacles", Obstacles(RoboticsPlanKind.MaxObstacles))));
        var errors = Errors(With("obstacles", Obstacles(RoboticsPlanKind.MaxObstacles + 1)));
        Assert.Contains("between 0 and 2000", string.Join(" ", errors["input.obstacles"]), StringComparison.Ordinal);
    }
}
