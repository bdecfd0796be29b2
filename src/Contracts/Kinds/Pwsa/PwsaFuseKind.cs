using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Pwsa;

/// <summary>Schema of <c>pwsa.fuse</c>.</summary>
public sealed class PwsaFuseKind : JobKind<PwsaFuseInput>
{
    public const int MaxTracks = 100_000;
    public const int MaxMeasurementsPerTrack = 10_000;

    /// <summary>Most measurements over all tracks of one job.</summary>
    public const int MaxTotalMeasurements = 2_000_000;

    public const int MaxTrackIdLength = 128;

    /// <summary>Largest |t| in seconds (covers Unix epoch seconds for centuries).</summary>
    public const double MaxAbsTime = 1e10;

    /// <summary>Largest |coordinate| of a measured position.</summary>
    public const double MaxAbsPosition = 1e12;

    /// <summary>Largest q and r.</summary>
    public const double MaxNoise = 1e12;

    /// <summary>Element checks stop once this many fields are in error, so a bad 2-million-point body gets a short answer.</summary>
    public const int MaxReportedErrors = 20;

    public override string Name => JobKinds.PwsaFuse;

    public override void Validate(PwsaFuseInput input, ValidationErrors errors)
    {
        Noise(errors, ".processNoise", input.ProcessNoise);
        Noise(errors, ".measurementNoise", input.MeasurementNoise);
        if (!errors.Length(".tracks", input.Tracks, 1, MaxTracks)) return;

        long total = 0;
        for (var i = 0; i < input.Tracks!.Length && errors.Count < MaxReportedErrors; i++)
        {
            var field = $".tracks[{i}]";
            var track = input.Tracks[i];
            if (track is null)
            {
                errors.Add(field, "is required.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(track.TrackId)) errors.Add(field + ".trackId", "is required.");
            else if (track.TrackId.Length > MaxTrackIdLength) errors.Add(field + ".trackId", $"must be at most {MaxTrackIdLength} characters.");

            if (!errors.Length(field + ".measurements", track.Measurements, 1, MaxMeasurementsPerTrack)) continue;
            total += track.Measurements!.Length;
            if (total > MaxTotalMeasurements)
            {
                errors.Add(".tracks", $"may hold at most {MaxTotalMeasurements} measurements in all (exceeded at track {i}).");
                return;
            }
            Measurements(errors, field, track);
        }
    }

    private static void Measurements(ValidationErrors errors, string trackField, FuseTrack track)
    {
        double previous = double.NegativeInfinity;
        for (var j = 0; j < track.Measurements!.Length && errors.Count < MaxReportedErrors; j++)
        {
            var field = $"{trackField}.measurements[{j}]";
            var m = track.Measurements[j];
            if (m is null)
            {
                errors.Add(field, "is required.");
                return;
            }
            if (m.T is not { } t) errors.Add(field + ".t", "is required.");
            else if (errors.Range(field + ".t", t, -MaxAbsTime, MaxAbsTime))
            {
                if (t <= previous)
                {
                    errors.Add(field + ".t", $"must be later than the previous measurement's t ({previous}): times must strictly increase within track '{track.TrackId}'.");
                    return;
                }
                previous = t;
            }

            if (m.Position is null) errors.Add(field + ".position", "is required.");
            else if (m.Position.Length != 3) errors.Add(field + ".position", $"must be [x, y, z] (had {m.Position.Length} values).");
            else
            {
                for (var k = 0; k < 3; k++)
                {
                    if (!errors.Range($"{field}.position[{k}]", m.Position[k], -MaxAbsPosition, MaxAbsPosition)) break;
                }
            }
        }
    }

    private static void Noise(ValidationErrors errors, string field, double? value)
    {
        if (value is not { } v) errors.Add(field, "is required.");
        else if (errors.Range(field, v, 0, MaxNoise) && v <= 0) errors.Add(field, "must be greater than 0.");
    }
}
