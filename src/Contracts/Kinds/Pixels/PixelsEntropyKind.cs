using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Schema of <c>pixels.entropy</c>.</summary>
public sealed class PixelsEntropyKind : JobKind<PixelsEntropyInput>
{
    public const int MinWindow = 3;
    public const int MaxWindow = 63;
    public const int MinBins = 2;
    public const int MaxBins = 256;

    public override string Name => JobKinds.PixelsEntropy;

    public override void Validate(PixelsEntropyInput input, ValidationErrors errors)
    {
        FrameRules.Validate(errors, "", input.Width, input.Height, input.Pixels);
        if (errors.Range(".window", input.Window, MinWindow, MaxWindow) && input.Window % 2 == 0)
        {
            errors.Add(".window", $"must be odd (was {input.Window}).");
        }
        errors.Range(".bins", input.Bins, MinBins, MaxBins);
    }
}
