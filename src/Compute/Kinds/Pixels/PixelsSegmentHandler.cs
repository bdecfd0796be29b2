using Prism.Contracts;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.Compute.Kinds.Pixels;

/// <summary><c>pixels.segment</c>: label on the engine, measure and order on the host.</summary>
public sealed class PixelsSegmentHandler(ISegmentEngine engine) : KindHandler<PixelsSegmentInput, PixelsSegmentOutput>
{
    public override string Kind => JobKinds.PixelsSegment;

    protected override async Task<PixelsSegmentOutput> ExecuteAsync(PixelsSegmentInput input, CancellationToken cancellationToken)
    {
        var pixels = input.Pixels!;
        var labels = await engine.LabelAsync(pixels, input.Width, input.Height, input.Threshold!.Value, input.Connectivity, cancellationToken).ConfigureAwait(false);
        var components = SegmentMath.Measure(pixels, labels, input.Width, input.MinObjectSize);
        return SegmentMath.ToOutput(components, input.MaxObjects);
    }
}
