using Prism.Contracts.Api;

namespace Prism.Results.Storage;

/// <summary>A job as stored: its view without the result, and the result's UTF-8 JSON as the store holds it.</summary>
public sealed record StoredJobResult(JobResultView View, byte[]? Result);
