namespace Prism.Ingest.Admission;

/// <summary>
/// Whether a tenant's submission fits its queued-job quota; when not, the tenant's unfinished jobs counted, or
/// <see cref="Unavailable"/> when they could not be counted.
/// </summary>
public sealed record QuotaDecision(bool Admitted, long Unfinished = 0, bool Unavailable = false)
{
    public static QuotaDecision Admit { get; } = new(true);
}
