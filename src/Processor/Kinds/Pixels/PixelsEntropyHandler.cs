using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;
using Prism.Processor.Compute;

namespace Prism.Processor.Kinds.Pixels;

/// <summary><c>pixels.entropy</c>: bin on the host, local entropy on the engine, assemble on the host.</summary>
public sealed class PixelsEntropyHandler(IEntropyEngine engine) : KindHandler<PixelsEntropyInput, PixelsEntropyOutput>
{
    public override string Kind => JobKinds.PixelsEntropy;

    protected override async Task<PixelsEntropyOutput> ExecuteAsync(PixelsEntropyInput input, CancellationToken cancellationToken)
    {
        var frame = EntropyMath.Bin(input.Pixels!, input.Width, input.Height, input.Bins);
        var map = await engine.LocalEntropyAsync(frame, input.Window, cancellationToken).ConfigureAwait(false);
        return EntropyMath.Assemble(frame, input.Window, map);
    }
}
