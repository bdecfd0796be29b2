using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Pixels;

/// <summary>Limits and checks shared by every kind that takes a row-major uint16 frame.</summary>
public static class FrameRules
{
    /// <summary>Longest side of a frame.</summary>
    public const int MaxSide = 4096;

    /// <summary>Most pixels in one frame (2048×2048; about 14 MB as JSON).</summary>
    public const int MaxPixels = 2048 * 2048;

    /// <summary>Checks width, height and that <c>pixels</c> holds exactly width × height values.</summary>
    public static bool Validate(ValidationErrors errors, string prefix, int width, int height, ushort[]? pixels)
    {
        var ok = errors.Range(prefix + ".width", width, 1, MaxSide);
        ok &= errors.Range(prefix + ".height", height, 1, MaxSide);
        if (pixels is null)
        {
            errors.Add(prefix + ".pixels", "is required.");
            return false;
        }
        if (!ok) return false;
        if ((long)width * height > MaxPixels)
        {
            errors.Add(prefix + ".pixels", $"a frame may hold at most {MaxPixels} pixels (width × height was {(long)width * height}).");
            return false;
        }
        if (pixels.Length != width * height)
        {
            errors.Add(prefix + ".pixels", $"must hold width × height = {width * height} values (had {pixels.Length}).");
            return false;
        }
        return true;
    }
}
