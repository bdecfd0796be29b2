using System.Collections.Frozen;
using Prism.Contracts.Validation;

namespace Prism.Client;

/// <summary>Maps an input record type to its job kind, from <see cref="JobKindCatalog.BuiltIn"/> (<see cref="IJobKind.InputType"/>).</summary>
public static class JobKindMap
{
    private static readonly FrozenDictionary<Type, string> KindByInput =
        JobKindCatalog.BuiltIn.All.ToFrozenDictionary(k => k.InputType, k => k.Name);

    /// <summary>Every input type the client knows, with its kind.</summary>
    public static IReadOnlyDictionary<Type, string> All => KindByInput;

    /// <summary>The kind whose input is <typeparamref name="TInput"/>.</summary>
    /// <exception cref="ArgumentException">No kind takes <typeparamref name="TInput"/> as input.</exception>
    public static string KindOf<TInput>() => KindOf(typeof(TInput));

    /// <summary>The kind whose input is <paramref name="inputType"/>.</summary>
    /// <exception cref="ArgumentException">No kind takes <paramref name="inputType"/> as input.</exception>
    public static string KindOf(Type inputType)
    {
        ArgumentNullException.ThrowIfNull(inputType);
        return TryGetKind(inputType, out var kind)
            ? kind
            : throw new ArgumentException(
                $"No job kind takes {inputType.FullName} as input; pass the kind by name with SubmitAsync(kind, input). Known input types: {string.Join(", ", KindByInput.Keys.Select(t => t.Name).Order(StringComparer.Ordinal))}.",
                nameof(inputType));
    }

    /// <summary>Looks up the kind whose input is <paramref name="inputType"/>.</summary>
    public static bool TryGetKind(Type inputType, out string kind)
    {
        ArgumentNullException.ThrowIfNull(inputType);
        if (KindByInput.TryGetValue(inputType, out var found))
        {
            kind = found;
            return true;
        }
        kind = "";
        return false;
    }
}
