using System.Text.Json;
using Prism.Compute.Kinds.Pixels;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;
using Prism.KindReferences;
using Prism.UnitTests.Compute;

namespace Prism.UnitTests.Pixels;

/// <summary>Batch boundaries never change a result: a batch's outputs equal each job run alone, bit for bit.</summary>
[Collection(IlgpuCollection.Name)]
public sealed class When_entropy_frames_are_batched(IlgpuCpuFixture ilgpu)
{
    private static PixelsEntropyInput[] MixedInputs()
    {
        var random = new Random(99);
        // Two shapes and two windows interleaved, so the ILGPU engine launches once per shape.
        return [.. Enumerable.Range(0, 9).Select(i =>
        {
            var (w, h) = i % 3 == 0 ? (7, 5) : (12, 9);
            return new PixelsEntropyInput
            {
                Width = w, Height = h, Window = i % 2 == 0 ? 3 : 5, Bins = 2 + i * 7,
                Pixels = [.. Enumerable.Range(0, w * h).Select(_ => (ushort)random.Next(0, 1 << random.Next(1, 16)))],
            };
        })];
    }

    [Fact]
    public async Task Each_output_of_a_batch_is_bit_identical_to_the_job_run_alone()
    {
        var inputs = MixedInputs();
        foreach (var engine in new IEntropyEngine[] { new EntropyCpuEngine(), new EntropyIlgpuEngine(ilgpu.Device) })
        {
            var handler = new PixelsEntropyHandler(engine);
            var batched = await handler.ExecuteBatchAsync(inputs, CancellationToken.None);
            Assert.Equal(inputs.Length, batched.Count);
            for (var i = 0; i < inputs.Length; i++)
            {
                var alone = (PixelsEntropyOutput)await handler.ExecuteAsync(inputs[i], CancellationToken.None);
                var together = (PixelsEntropyOutput)batched[i];
                Assert.Equal(inputs[i].Width * inputs[i].Height, together.EntropyMap.Length);
                // Bit for bit: compare the floats' bits, not within a tolerance.
                Assert.Equal(alone.EntropyMap.Select(BitConverter.SingleToInt32Bits), together.EntropyMap.Select(BitConverter.SingleToInt32Bits));
                Assert.Equal(JsonSerializer.Serialize(alone, PrismJson.Options), JsonSerializer.Serialize(together, PrismJson.Options));
            }
        }
    }

    [Fact]
    public async Task The_batched_maps_match_the_plain_reference()
    {
        var inputs = MixedInputs();
        var batched = await new PixelsEntropyHandler(new EntropyIlgpuEngine(ilgpu.Device)).ExecuteBatchAsync(inputs, CancellationToken.None);
        for (var i = 0; i < inputs.Length; i++)
        {
            var expected = EntropyReference.LocalEntropy(inputs[i].Pixels!, inputs[i].Width, inputs[i].Height, inputs[i].Window, inputs[i].Bins);
            var map = ((PixelsEntropyOutput)batched[i]).EntropyMap;
            for (var p = 0; p < expected.Length; p++) Assert.Equal(expected[p], map[p], 5);
        }
    }
}
