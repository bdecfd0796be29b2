using Prism.Compute.Kinds.Pixels;
using Prism.Contracts;
using Prism.Contracts.Kinds.Pwsa;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>
/// <c>pwsa.detect</c>: the frame's segmentation (8-connected, <see cref="ISegmentEngine"/>) and its local
/// entropy map (<see cref="IEntropyEngine"/>, window 7, 32 bins) on the engines; features, frame metrics
/// and the threat rules on the host.
/// </summary>
public sealed class PwsaDetectHandler(ISegmentEngine segmentation, IEntropyEngine entropy) : KindHandler<PwsaDetectInput, PwsaDetectOutput>
{
    public override string Kind => JobKinds.PwsaDetect;

    protected override async Task<PwsaDetectOutput> ExecuteAsync(PwsaDetectInput input, CancellationToken cancellationToken)
    {
        var ir = input.IrFrame!;
        var pixels = ir.Pixels!;
        var threshold = input.Threshold!.Value;
        var labels = await segmentation.LabelAsync(pixels, ir.Width, ir.Height, threshold, PwsaDetectKind.Connectivity, cancellationToken).ConfigureAwait(false);
        var frame = EntropyMath.Bin(pixels, ir.Width, ir.Height, PwsaDetectKind.EntropyBins);
        var map = await entropy.LocalEntropyAsync(frame, PwsaDetectKind.EntropyWindow, cancellationToken).ConfigureAwait(false);

        var components = SegmentMath.Measure(pixels, labels, ir.Width, input.MinObjectSize, map);
        var metrics = FrameMetricsMath.Compute(pixels, frame, threshold, map);
        var listed = Math.Min(components.Length, input.MaxDetections);
        var detections = new PwsaDetection[listed];
        for (var k = 0; k < listed; k++) detections[k] = Describe(k + 1, components[k], metrics);

        return new PwsaDetectOutput
        {
            SvId = input.SvId!,
            Timestamp = input.Timestamp!,
            Detections = detections,
            DetectionCount = components.Length,
            Truncated = components.Length > listed,
            FrameMetrics = metrics,
        };
    }

    /// <summary>A component's detection: its features, contrast against the background, and its class.</summary>
    public static PwsaDetection Describe(int id, SegmentComponent c, PwsaFrameMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(metrics);
        var contrast = (c.MeanIntensity - metrics.BackgroundMean) / Math.Max(metrics.BackgroundStdDev, 1);
        var elongation = (double)Math.Max(c.BoxWidth, c.BoxHeight) / Math.Min(c.BoxWidth, c.BoxHeight);
        var (type, confidence) = ThreatClassifier.Classify(c.Area, contrast, elongation, c.MeanOfMap);
        return new PwsaDetection
        {
            Id = id,
            Centroid = [c.CentroidX, c.CentroidY],
            Area = c.Area,
            BoundingBox = [c.MinX, c.MinY, c.BoxWidth, c.BoxHeight],
            MeanIntensity = c.MeanIntensity,
            MaxIntensity = c.MaxIntensity,
            LocalEntropy = c.MeanOfMap,
            Contrast = contrast,
            ThreatType = type,
            Confidence = confidence,
        };
    }
}
