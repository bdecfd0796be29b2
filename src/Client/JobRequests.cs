using System.Text.Json;
using Prism.Contracts.Api;

namespace Prism.Client;

/// <summary>Builds <see cref="SubmitJobRequest"/> bodies, e.g. for <see cref="PrismClient.SubmitBatchAsync"/>.</summary>
public static class JobRequests
{
    /// <summary>A request for the kind whose input type is <typeparamref name="TInput"/>.</summary>
    /// <exception cref="ArgumentException">No kind takes <typeparamref name="TInput"/> as input.</exception>
    public static SubmitJobRequest Create<TInput>(TInput input, SubmitOptions? options = null) where TInput : class =>
        Create(JobKindMap.KindOf(input?.GetType() ?? typeof(TInput)), input!, options);

    /// <summary>A request for <paramref name="kind"/>; <paramref name="input"/> is any object serializing to the kind's input (a record, a <see cref="JsonElement"/>, a dictionary).</summary>
    public static SubmitJobRequest Create(string kind, object input, SubmitOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(input);
        return new SubmitJobRequest
        {
            Kind = kind,
            Input = input is JsonElement element ? element : JsonSerializer.SerializeToElement(input, input.GetType(), PrismClient.JsonOptions),
            Priority = options?.Priority,
            DeadlineSeconds = options?.DeadlineSeconds,
        };
    }
}
