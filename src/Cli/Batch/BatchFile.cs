using System.Text.Json;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Validation;

namespace Prism.Cli.Batch;

/// <summary>
/// Reads a JSON Lines file of <c>{ "kind", "input", "priority"?, "deadlineSeconds"? }</c> (blank lines skipped) and
/// validates every job of a kind this CLI knows with the same schemas Ingest uses, so a bad line stops the batch before
/// anything is submitted. Kinds it does not know are left to the server to judge.
/// </summary>
public static class BatchFile
{
    /// <summary>At most this many problems are listed.</summary>
    public const int MaxReported = 20;

    public static IReadOnlyList<BatchLine> Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<BatchLine>();
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line)) continue;

            SubmitJobRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<SubmitJobRequest>(line, PrismJson.Options);
            }
            catch (JsonException ex)
            {
                problems.Add($"line {number}: not a job ({{\"kind\": ..., \"input\": {{...}}}}): {ex.Message}");
                continue;
            }
            if (request is null || string.IsNullOrWhiteSpace(request.Kind))
            {
                problems.Add($"line {number}: kind: is required.");
                continue;
            }
            if (request.Input.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"line {number}: input: is required and must be a JSON object.");
                continue;
            }
            if (JobKindCatalog.BuiltIn.Find(request.Kind) is { } kind)
            {
                var parsed = kind.Parse(request.Input);
                foreach (var (field, messages) in parsed.Errors.ToDictionary())
                {
                    problems.Add($"line {number}: {field}: {string.Join(" ", messages)}");
                }
                if (!parsed.IsValid) continue;
            }
            lines.Add(new BatchLine(number, request));
        }

        if (problems.Count > 0)
        {
            var listed = string.Join(Environment.NewLine, problems.Take(MaxReported).Select(p => "  " + p));
            var more = problems.Count > MaxReported ? $"{Environment.NewLine}  … and {problems.Count - MaxReported} more" : "";
            throw new CliException(ExitCodes.Usage, $"{path} has {problems.Count} invalid line(s); nothing was submitted:{Environment.NewLine}{listed}{more}");
        }
        if (lines.Count == 0) throw new CliException(ExitCodes.Usage, $"{path} holds no jobs.");
        return lines;
    }
}
