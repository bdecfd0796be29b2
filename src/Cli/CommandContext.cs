using Prism.Cli.Output;
using Prism.Client;

namespace Prism.Cli;

/// <summary>What a command's body works with.</summary>
public sealed record CommandContext(PrismClient Client, Terminal Terminal);
