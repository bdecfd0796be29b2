using Prism.Contracts.Api;

namespace Prism.Cli.Batch;

/// <summary>One job of a JSON Lines batch file, with its 1-based line number for messages.</summary>
public sealed record BatchLine(int LineNumber, SubmitJobRequest Request);
