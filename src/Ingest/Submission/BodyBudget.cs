using Microsoft.Extensions.Options;

namespace Prism.Ingest.Submission;

/// <summary>
/// The bytes of request bodies this process holds at once (<c>Ingest:MaxBufferedBodyBytes</c>). A submission costs
/// a few times its body while it is parsed, validated and published, so without a budget N concurrent maximum bodies
/// cost N times that. Bodies up to <see cref="FreeBytes"/> are not counted: small jobs are never held up by large ones.
/// </summary>
public sealed class BodyBudget(IOptions<IngestOptions> options)
{
    /// <summary>Bodies this small take nothing from the budget.</summary>
    public const long FreeBytes = 1024 * 1024;

    private long _held;

    /// <summary>The bytes held now.</summary>
    public long Held => Volatile.Read(ref _held);

    /// <summary>A lease that grows with the body it reads and gives its bytes back when the request ends.</summary>
    public Lease Open() => new(this);

    private bool TryTake(long bytes)
    {
        var max = options.Value.MaxBufferedBodyBytes;
        while (true)
        {
            var held = Volatile.Read(ref _held);
            if (held + bytes > max) return false;
            if (Interlocked.CompareExchange(ref _held, held + bytes, held) == held) return true;
        }
    }

    /// <summary>One request's share of the budget.</summary>
    public sealed class Lease(BodyBudget budget) : IDisposable
    {
        private long _bytes;

        /// <summary>Makes the lease cover a body of <paramref name="bodyBytes"/>; false when the budget cannot.</summary>
        public bool TryCover(long bodyBytes)
        {
            var needed = bodyBytes <= FreeBytes ? 0 : bodyBytes;
            if (needed <= _bytes) return true;
            if (!budget.TryTake(needed - _bytes)) return false;
            _bytes = needed;
            return true;
        }

        public void Dispose()
        {
            Interlocked.Add(ref budget._held, -_bytes);
            _bytes = 0;
        }
    }
}
