using System.Globalization;
using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Prism.Cli.Output;

/// <summary>How each API object looks as a table.</summary>
public static class Views
{
    public static IRenderable Receipt(JobReceipt receipt, Uri resultsUrl, TableBorder border) => KeyValues(border,
        ("job", receipt.JobId.ToString()),
        ("kind", receipt.Kind),
        ("status", receipt.Status),
        ("result", new Uri(resultsUrl, receipt.Links.Self.TrimStart('/')).ToString()));

    public static IRenderable Job(JobResultView job, TableBorder border)
    {
        var rows = new List<(string, string)>
        {
            ("job", job.JobId.ToString()),
            ("kind", job.Kind),
            ("status", job.Status),
            ("submitted", Time(job.SubmittedAt)),
            ("started", Time(job.StartedAt)),
            ("completed", Time(job.CompletedAt)),
            ("attempts", job.Attempts.ToString(CultureInfo.InvariantCulture)),
            ("engine", job.Accelerator is { } a ? $"{a.Engine} on {a.DeviceName}" + (a.ProcessorId is null ? "" : $" ({a.ProcessorId})") : ""),
            ("queue ms", Number(job.Timings.QueueMs)),
            ("compute ms", Number(job.Timings.ComputeMs)),
            ("total ms", Number(job.Timings.TotalMs)),
        };
        if (job.Error is { } error) rows.Add(("error", $"{error.Code}: {error.Message}"));
        if (job.Result is { ValueKind: JsonValueKind.Object } result)
        {
            foreach (var field in result.EnumerateObject()) rows.Add(("result." + field.Name, Summary(field.Value)));
        }
        return KeyValues(border, [.. rows]);
    }

    public static IRenderable Processors(IReadOnlyList<ProcessorView> processors, TableBorder border)
    {
        var table = new Table { Border = border }.AddColumns("processor", "engine", "device", "memory", "kinds", "in flight", "done", "version", "last seen");
        foreach (var p in processors)
        {
            table.AddRow(Cells(p.ProcessorId, p.Engine, p.DeviceName, Bytes(p.MemoryBytes), string.Join(", ", p.Kinds),
                p.InFlight.ToString(CultureInfo.InvariantCulture), p.JobsDone.ToString(CultureInfo.InvariantCulture), p.Version, Time(p.LastSeen)));
        }
        if (processors.Count == 0) table.Caption = new TableTitle("no live processor");
        return table;
    }

    public static IRenderable Health(IReadOnlyList<DomainHealthView> domains, TableBorder border)
    {
        var table = new Table { Border = border }.AddColumns("domain", "status", "processors", "jobs", "failed", "p50 ms", "p95 ms", "window", "kinds", "reason");
        foreach (var d in domains)
        {
            table.AddRow(Cells(d.Domain, d.Status, d.Processors.ToString(CultureInfo.InvariantCulture), d.Jobs.ToString(CultureInfo.InvariantCulture),
                d.Failed.ToString(CultureInfo.InvariantCulture), Number(d.P50Ms), Number(d.P95Ms), $"{d.WindowMinutes} min", string.Join(", ", d.Kinds), d.Reason ?? ""));
        }
        return table;
    }

    public static Table EventTable(TableBorder border) =>
        new Table { Border = border }.AddColumns("id", "at", "type", "status", "kind", "job", "error");

    public static IRenderable[] EventCells(JobEvent e) =>
        Cells(e.Id.ToString(CultureInfo.InvariantCulture), Time(e.At), e.Type, e.Status, e.Kind, e.JobId.ToString(),
            e.ErrorCode is null ? "" : $"{e.ErrorCode}: {e.ErrorMessage}");

    /// <summary>One plain line per event, columns separated by two spaces (for redirected output).</summary>
    public static string EventLine(JobEvent e) => string.Join("  ",
        e.Id.ToString(CultureInfo.InvariantCulture), Time(e.At), e.Type, e.Status, e.Kind, e.JobId.ToString(),
        e.ErrorCode is null ? "" : $"{e.ErrorCode}: {e.ErrorMessage}").TrimEnd();

    public static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static Table KeyValues(TableBorder border, params (string Key, string Value)[] rows)
    {
        var table = new Table { Border = border, ShowHeaders = false }.AddColumns("field", "value");
        foreach (var (key, value) in rows) table.AddRow(Cells(key, value));
        return table;
    }

    private static IRenderable[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        _ => $"{bytes} B",
    };

    /// <summary>A field of a result in one line: scalars as they are, short arrays in full, the rest by size.</summary>
    private static string Summary(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array when value.GetArrayLength() <= 8 && value.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) => value.GetRawText(),
        JsonValueKind.Array => $"[{value.GetArrayLength()} items]",
        JsonValueKind.Object => $"{{{value.EnumerateObject().Count()} fields}}",
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    internal static bool IsFailure(string status) => status is JobStatus.Failed or JobStatus.Cancelled;
}
