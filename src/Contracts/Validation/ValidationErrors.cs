namespace Prism.Contracts.Validation;

/// <summary>Field path → messages, in the shape of RFC 9457 validation problems (<c>errors</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Prefix put before every field path added (e.g. <c>input.</c>).</summary>
    public string Prefix { get; init; } = "";

    public bool IsValid => _errors.Count == 0;

    public int Count => _errors.Count;

    public void Add(string field, string message)
    {
        var key = Prefix + field;
        if (!_errors.TryGetValue(key, out var list))
        {
            _errors[key] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Checks <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public bool Range(string field, long value, long min, long max)
    {
        if (value >= min && value <= max) return true;
        Add(field, $"must be between {min} and {max} (was {value}).");
        return false;
    }

    /// <summary>Checks a finite double in [min, max]; NaN and infinities are refused by name.</summary>
    public bool Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value))
        {
            Add(field, "must be a finite number.");
            return false;
        }
        if (value >= min && value <= max) return true;
        Add(field, $"must be between {min} and {max} (was {value}).");
        return false;
    }

    /// <summary>Checks an array is present and its length lies in [min, max].</summary>
    public bool Length<T>(string field, IReadOnlyCollection<T>? items, int min, int max)
    {
        if (items is null)
        {
            Add(field, "is required.");
            return false;
        }
        if (items.Count >= min && items.Count <= max) return true;
        Add(field, $"must have between {min} and {max} items (had {items.Count}).");
        return false;
    }

    /// <summary>Checks every element of <paramref name="values"/> is finite; names the first bad index.</summary>
    public bool AllFinite(string field, IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                Add($"{field}[{i}]", "must be a finite number.");
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Checks every element of <paramref name="values"/> is finite and within ±<paramref name="maxAbs"/>;
    /// names the first bad index.
    /// </summary>
    public bool AllWithin(string field, IReadOnlyList<double> values, double maxAbs)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!Range($"{field}[{i}]", values[i], -maxAbs, maxAbs)) return false;
        }
        return true;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One line naming every field and message, for logs and <see cref="JobFailed.ErrorMessage"/>.</summary>
    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
