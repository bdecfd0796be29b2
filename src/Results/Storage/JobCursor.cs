using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Prism.Results.Storage;

/// <summary>Keyset position in the newest-first order: (submitted time, job id). Opaque to clients.</summary>
public sealed record JobCursor(long SubmittedMicros, Guid JobId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{SubmittedMicros.ToString(CultureInfo.InvariantCulture)}:{JobId:N}"));

    public static bool TryDecode(string? text, out JobCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 128) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new JobCursor(micros, id);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not a cursor we issued.
        }
        return false;
    }
}
