using System.Globalization;
using System.Text.RegularExpressions;
using Prism.Contracts.Kinds.Pixels;
using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Schema of <c>pwsa.detect</c>.</summary>
public sealed partial class PwsaDetectKind : JobKind<PwsaDetectInput>
{
    /// <summary>Intensity bins of the frame entropy, entropy rate and local entropy map.</summary>
    public const int EntropyBins = 32;

    /// <summary>Side of the local entropy window.</summary>
    public const int EntropyWindow = 7;

    /// <summary>Objects are 8-connected components.</summary>
    public const int Connectivity = 8;

    public const int MaxSvIdLength = 64;
    public const int DefaultMaxDetections = 1_000;

    /// <summary>About 3 MB of JSON at ~300 bytes a detection.</summary>
    public const int MaxDetectionsLimit = 10_000;

    public override string Name => JobKinds.PwsaDetect;

    public override void Validate(PwsaDetectInput input, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(input.SvId))
        {
            errors.Add(".svId", "is required.");
        }
        else if (input.SvId.Length > MaxSvIdLength)
        {
            errors.Add(".svId", $"must have at most {MaxSvIdLength} characters (had {input.SvId.Length}).");
        }
        else if (!SvIdPattern().IsMatch(input.SvId))
        {
            errors.Add(".svId", "may hold only letters, digits, '.', '_', ':' and '-'.");
        }

        if (string.IsNullOrEmpty(input.Timestamp))
        {
            errors.Add(".timestamp", "is required.");
        }
        else if (!TryParseTimestamp(input.Timestamp, out _))
        {
            errors.Add(".timestamp", "must be an ISO 8601 date and time with a UTC offset, e.g. 2025-03-01T12:00:00.250Z.");
        }

        if (input.IrFrame is null)
        {
            errors.Add(".irFrame", "is required.");
        }
        else
        {
            FrameRules.Validate(errors, ".irFrame", input.IrFrame.Width, input.IrFrame.Height, input.IrFrame.Pixels);
        }
        PixelsSegmentKind.ValidateSegmentation(errors, "", input.Threshold, input.MinObjectSize);
        errors.Range(".maxDetections", input.MaxDetections, 1, MaxDetectionsLimit);
    }

    /// <summary>
    /// ISO 8601 extended format <c>YYYY-MM-DDThh:mm:ss[.f{1,7}](Z|±hh:mm)</c> naming a real instant
    /// (no 30 February, no hour 24).
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && TimestampPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]+\z")]
    private static partial Regex SvIdPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+\-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex TimestampPattern();
}
