using System.Text.Json;
using Prism.Contracts.Validation;
using Prism.GpuCheck;

namespace Prism.UnitTests.Compute;

/// <summary>
/// The GPU check (bench/GpuCheck) runs only where a GPU is lent; its generated inputs are checked here,
/// in every CI run, against the kinds' own schemas, so a tightened limit shows up before the next GPU run.
/// </summary>
public sealed class When_generating_the_gpu_check_inputs
{
    public static TheoryData<string> Kinds() => [.. JobKindCatalog.BuiltIn.Names];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_small_and_the_large_input_of_each_kind_is_valid(string kind)
    {
        var random = new Random(19);
        var catalog = JobKindCatalog.BuiltIn.Find(kind)!;
        for (var i = 0; i < 30; i++)
        {
            var small = catalog.Parse(JsonSerializer.SerializeToElement(KindInputs.Generate(kind, random, large: false)));
            Assert.True(small.IsValid, $"{kind} small input {i}: {small.Errors}");
        }
        var large = KindInputs.Generate(kind, random, large: true);
        var parsed = catalog.Parse(JsonSerializer.SerializeToElement(large));
        Assert.True(parsed.IsValid, $"{kind} large input ({KindInputs.Describe(kind, large)}): {parsed.Errors}");
    }
}
