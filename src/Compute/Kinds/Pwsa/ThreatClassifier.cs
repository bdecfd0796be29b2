using Prism.Contracts.Kinds.Pwsa;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>
/// The documented threat rules of <c>pwsa.detect</c> (docs/kinds/pwsa.detect.md), first match wins.
/// Each rule's margin measures how far the features are past its thresholds, relative to them;
/// confidence = 0.5 + 0.5·tanh(margin), so a detection exactly on a threshold scores 0.5.
/// </summary>
public static class ThreatClassifier
{
    public const int ClutterMaxArea = 3;
    public const double ClutterMinContrast = 5;
    public const int BallisticMinArea = 40;
    public const double BallisticMinContrast = 20;
    public const double HypersonicMinElongation = 3;
    public const double HypersonicMinContrast = 10;
    public const double DecoyMinLocalEntropy = 2;

    /// <param name="area">Pixels in the object.</param>
    /// <param name="contrast">(mean − background mean) / max(background σ, 1).</param>
    /// <param name="elongation">Longer over shorter side of the bounding box (≥ 1).</param>
    /// <param name="localEntropy">Mean local entropy over the object's pixels, bits.</param>
    public static (string ThreatType, double Confidence) Classify(int area, double contrast, double elongation, double localEntropy)
    {
        string type;
        double margin;
        if (area < ClutterMaxArea || contrast < ClutterMinContrast)
        {
            type = ThreatTypes.Clutter;
            margin = Math.Max((ClutterMaxArea - area) / (double)ClutterMaxArea, (ClutterMinContrast - contrast) / ClutterMinContrast);
        }
        else if (area >= BallisticMinArea && contrast >= BallisticMinContrast)
        {
            type = ThreatTypes.Ballistic;
            margin = Math.Min(area / (double)BallisticMinArea - 1, contrast / BallisticMinContrast - 1);
        }
        else if (elongation >= HypersonicMinElongation && contrast >= HypersonicMinContrast)
        {
            type = ThreatTypes.Hypersonic;
            margin = Math.Min(elongation / HypersonicMinElongation - 1, contrast / HypersonicMinContrast - 1);
        }
        else if (localEntropy >= DecoyMinLocalEntropy)
        {
            type = ThreatTypes.Decoy;
            margin = localEntropy / DecoyMinLocalEntropy - 1;
        }
        else
        {
            type = ThreatTypes.Aircraft;
            margin = Math.Min(contrast / ClutterMinContrast - 1, 1 - localEntropy / DecoyMinLocalEntropy);
        }
        return (type, 0.5 + 0.5 * Math.Tanh(margin));
    }
}
