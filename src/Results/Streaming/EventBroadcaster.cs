using System.Collections.Concurrent;
using System.Threading.Channels;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Streaming;

/// <summary>
/// This replica's live subscribers (SSE and WebSocket). Each has a bounded buffer; one that falls
/// that far behind is disconnected rather than slowing everyone — it resumes from the store with
/// Last-Event-ID, so nothing is lost.
/// </summary>
public sealed class EventBroadcaster
{
    public const int BufferPerSubscriber = 10_000;
    private readonly ConcurrentDictionary<Guid, Subscription> _subscribers = new();

    public int Count => _subscribers.Count;

    public Subscription Subscribe(Func<JobEvent, bool> filter)
    {
        var subscription = new Subscription(this, filter);
        _subscribers[subscription.Id] = subscription;
        return subscription;
    }

    public Subscription Subscribe(EventFilter filter) => Subscribe(filter.Matches);

    public void Publish(JobEvent jobEvent)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Filter(jobEvent) && !subscriber.Writer.TryWrite(jobEvent))
            {
                subscriber.Writer.TryComplete(new InvalidOperationException("The subscriber fell too far behind; resume with Last-Event-ID."));
            }
        }
    }

    private void Remove(Guid id) => _subscribers.TryRemove(id, out _);

    /// <summary>One subscriber's buffer of live events. Dispose to unsubscribe.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly EventBroadcaster _owner;
        private readonly Channel<JobEvent> _channel = Channel.CreateBounded<JobEvent>(new BoundedChannelOptions(BufferPerSubscriber)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        internal Subscription(EventBroadcaster owner, Func<JobEvent, bool> filter)
        {
            _owner = owner;
            Filter = filter;
        }

        public Guid Id { get; } = Guid.NewGuid();
        public Func<JobEvent, bool> Filter { get; set; }
        internal ChannelWriter<JobEvent> Writer => _channel.Writer;
        public ChannelReader<JobEvent> Reader => _channel.Reader;

        public void Dispose()
        {
            _owner.Remove(Id);
            _channel.Writer.TryComplete();
        }
    }
}
