namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Output of <c>pixels.segment</c>.</summary>
public sealed record PixelsSegmentOutput
{
    /// <summary>The objects in output order, at most <c>maxObjects</c> of them.</summary>
    public required SegmentObject[] Objects { get; init; }

    /// <summary>Every component with area ≥ <c>minObjectSize</c>, listed or not.</summary>
    public required int ObjectCount { get; init; }

    /// <summary>True when <see cref="ObjectCount"/> exceeds the number listed.</summary>
    public required bool Truncated { get; init; }
}
