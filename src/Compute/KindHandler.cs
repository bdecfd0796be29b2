namespace Prism.Compute;

/// <summary>Typed base of a kind handler: the consumer passes the parsed input in, gets the output back.</summary>
public abstract class KindHandler<TInput, TOutput> : IKindHandler where TInput : class where TOutput : class
{
    public abstract string Kind { get; }

    public async Task<object> ExecuteAsync(object input, CancellationToken cancellationToken) =>
        await ExecuteAsync((TInput)input, cancellationToken).ConfigureAwait(false);

    protected abstract Task<TOutput> ExecuteAsync(TInput input, CancellationToken cancellationToken);
}
