namespace Prism.Compute;

/// <summary>Computes one job kind. Implement through <see cref="KindHandler{TInput,TOutput}"/>.</summary>
public interface IKindHandler
{
    string Kind { get; }

    /// <summary>Computes the output for an input the kind's schema already validated.</summary>
    Task<object> ExecuteAsync(object input, CancellationToken cancellationToken);
}
