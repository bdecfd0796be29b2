namespace Prism.Compute;

/// <summary>The kinds this processor serves, by name.</summary>
public sealed class KindHandlerRegistry(IEnumerable<IKindHandler> handlers)
{
    private readonly Dictionary<string, IKindHandler> _byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public IReadOnlyList<string> Kinds => [.. _byKind.Keys.Order(StringComparer.Ordinal)];

    public IKindHandler? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
