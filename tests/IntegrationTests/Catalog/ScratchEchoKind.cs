using Prism.Compute;
using Prism.Contracts.Validation;

namespace Prism.IntegrationTests.Catalog;

/// <summary>A kind that exists only in this test assembly: no list outside it names <c>scratch.echo</c>.</summary>
public sealed class ScratchEchoKind : JobKind<ScratchEchoInput>
{
    public const string KindName = "scratch.echo";

    public override string Name => KindName;

    public override void Validate(ScratchEchoInput input, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        if (input.Text.Length is < 1 or > 100) errors.Add(".text", "must be 1 to 100 characters.");
    }
}

public sealed record ScratchEchoInput
{
    public required string Text { get; init; }
}

public sealed record ScratchEchoOutput
{
    public required string Reversed { get; init; }
}

/// <summary>The processor's side of <see cref="ScratchEchoKind"/>.</summary>
public sealed class ScratchEchoHandler : KindHandler<ScratchEchoInput, ScratchEchoOutput>
{
    public override string Kind => ScratchEchoKind.KindName;

    protected override Task<ScratchEchoOutput> ExecuteAsync(ScratchEchoInput input, CancellationToken cancellationToken) =>
        Task.FromResult(new ScratchEchoOutput { Reversed = new string([.. input.Text.Reverse()]) });
}
