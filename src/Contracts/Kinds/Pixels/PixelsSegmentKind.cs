using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Schema of <c>pixels.segment</c>.</summary>
public sealed class PixelsSegmentKind : JobKind<PixelsSegmentInput>
{
    public const int MaxThreshold = ushort.MaxValue;
    public const int DefaultMaxObjects = 10_000;

    /// <summary>About 15 MB of JSON at ~150 bytes an object: the size of the largest frame's input.</summary>
    public const int MaxObjectsLimit = 100_000;

    public override string Name => JobKinds.PixelsSegment;

    public override void Validate(PixelsSegmentInput input, ValidationErrors errors)
    {
        FrameRules.Validate(errors, "", input.Width, input.Height, input.Pixels);
        ValidateSegmentation(errors, "", input.Threshold, input.MinObjectSize);
        if (input.Connectivity is not (4 or 8))
        {
            errors.Add(".connectivity", $"must be 4 or 8 (was {input.Connectivity}).");
        }
        errors.Range(".maxObjects", input.MaxObjects, 1, MaxObjectsLimit);
    }

    /// <summary>Threshold (required, 0..65535) and minObjectSize (1..frame limit); shared with <c>pwsa.detect</c>.</summary>
    public static void ValidateSegmentation(ValidationErrors errors, string prefix, int? threshold, int minObjectSize)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (threshold is null)
        {
            errors.Add(prefix + ".threshold", "is required.");
        }
        else
        {
            errors.Range(prefix + ".threshold", threshold.Value, 0, MaxThreshold);
        }
        errors.Range(prefix + ".minObjectSize", minObjectSize, 1, FrameRules.MaxPixels);
    }
}
