using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.Compute.Kinds.Pixels;

/// <summary>
/// <c>pixels.entropy</c>: bin on the host, local entropy on the engine, assemble on the host. Small
/// frames are batched: many jobs' frames go to the engine in one call.
/// </summary>
public sealed class PixelsEntropyHandler(IEntropyEngine engine) : KindHandler<PixelsEntropyInput, PixelsEntropyOutput>, IBatchKindHandler
{
    public override string Kind => JobKinds.PixelsEntropy;

    protected override async Task<PixelsEntropyOutput> ExecuteAsync(PixelsEntropyInput input, CancellationToken cancellationToken)
    {
        var frame = EntropyMath.Bin(input.Pixels!, input.Width, input.Height, input.Bins);
        var map = await engine.LocalEntropyAsync(frame, input.Window, cancellationToken).ConfigureAwait(false);
        return EntropyMath.Assemble(frame, input.Window, map);
    }

    public async Task<IReadOnlyList<object>> ExecuteBatchAsync(IReadOnlyList<object> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var typed = inputs.Cast<PixelsEntropyInput>().ToArray();
        var frames = typed.Select(i => new EntropyFrameJob(EntropyMath.Bin(i.Pixels!, i.Width, i.Height, i.Bins), i.Window)).ToArray();
        var maps = await engine.LocalEntropyBatchAsync(frames, cancellationToken).ConfigureAwait(false);
        return [.. frames.Select((f, i) => (object)EntropyMath.Assemble(f.Frame, f.Window, maps[i]))];
    }
}
