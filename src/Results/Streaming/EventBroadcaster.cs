using System.Collections.Concurrent;
using System.Threading.Channels;
using Prism.Contracts.Api;
using Prism.Results.Storage;

namespace Prism.Results.Streaming;

/// <summary>
/// This replica's live subscribers (SSE and WebSocket). Each has a bounded buffer; one that falls
/// that far behind is disconnected rather than slowing everyone — it resumes from the store with
/// Last-Event-ID, so nothing is lost. Publishing never waits: it marks the subscriber
/// <see cref="Subscription.FellBehind"/> and completes its buffer; the stream serving it does the closing.
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
                subscriber.MarkBehind();
            }
        }
    }

    private void Remove(Guid id) => _subscribers.TryRemove(id, out _);

    /// <summary>One subscriber's buffer of live events. Dispose to unsubscribe.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly EventBroadcaster _owner;
        private readonly CancellationTokenSource _behind = new();
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

        /// <summary>Cancelled once the subscriber is <see cref="BufferPerSubscriber"/> events behind; the events after that are not kept.</summary>
        public CancellationToken FellBehind => _behind.Token;

        internal void MarkBehind()
        {
            if (!_channel.Writer.TryComplete(new InvalidOperationException($"The subscriber fell {BufferPerSubscriber} events behind; resume with Last-Event-ID."))) return;
            try { _behind.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            _owner.Remove(Id);
            _channel.Writer.TryComplete();
            _behind.Dispose();
        }
    }
}
