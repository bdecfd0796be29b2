namespace Prism.Ingest.Admission;

/// <summary>Reads how many jobs wait in the jobs queue. Throws when the broker cannot be asked.</summary>
public interface IQueueDepthProbe
{
    Task<long> ReadDepthAsync(CancellationToken cancellationToken);
}
