using System.Text.Json;
using Prism.Compute.Kinds.Telecom;
using Prism.Contracts.Kinds.Telecom;

namespace Prism.UnitTests.Telecom;

public sealed class When_running_the_telecom_sample
{
    [Fact]
    public async Task It_is_valid_and_balancing_lowers_the_peak()
    {
        var json = JsonDocument.Parse(File.ReadAllText(Repository.Sample("telecom.optimize"))).RootElement;
        var parsed = new TelecomOptimizeKind().Parse(json);
        Assert.True(parsed.IsValid, parsed.Errors.ToString());
        var input = (TelecomOptimizeInput)parsed.Input!;
        var handler = new TelecomOptimizeHandler(new ShortestPathCpuEngine());

        var balanced = (TelecomOptimizeOutput)await handler.ExecuteAsync(input, CancellationToken.None);
        var fastest = (TelecomOptimizeOutput)await handler.ExecuteAsync(input with { Objective = TelecomObjectives.MinimizeLatency }, CancellationToken.None);
        Assert.All(balanced.Routes, r => Assert.Null(r.Error));
        Assert.True(fastest.MaxLinkUtilization > 1, "the sample should congest a link on its fastest routes");
        Assert.True(balanced.MaxLinkUtilization < fastest.MaxLinkUtilization);
        Assert.True(balanced.TotalLatencyMs > fastest.TotalLatencyMs);
    }
}
