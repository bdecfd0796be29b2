namespace Prism.Ingest.Admission;

/// <summary>Whether a submission may be queued; when not, why (for the problem's detail) and the queue depth seen.</summary>
public sealed record AdmissionDecision(bool Admitted, string? Reason = null, long? QueueDepth = null)
{
    public static AdmissionDecision Admit { get; } = new(true);
}
