using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Prism.IntegrationTests.Api;

/// <summary>Settings Ingest refuses at start, with a message naming them, rather than on the first request.</summary>
public sealed class When_Ingest_starts(IngestFactory factory) : IClassFixture<IngestFactory>
{
    /// <summary>
    /// Issue 14, row 0: a job's input travels inline in its JobSubmitted, so Ingest must not accept a body
    /// larger than a message may be (<c>Bus:MaxMessageBytes</c>, 64 MiB, less 1 MiB for the envelope).
    /// </summary>
    [Fact]
    public void It_refuses_a_body_limit_above_what_a_message_can_carry()
    {
        using var tooLarge = factory.WithWebHostBuilder(b => b.UseSetting("Ingest:MaxBodyBytes", (64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => tooLarge.CreateClient());
        Assert.Contains("Ingest:MaxBodyBytes must be at most Bus:MaxMessageBytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void It_takes_a_larger_body_limit_when_the_message_limit_is_raised_with_it()
    {
        using var raised = factory.WithWebHostBuilder(b => b
            .UseSetting("Ingest:MaxBodyBytes", (64L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Bus:MaxMessageBytes", (65L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var client = raised.CreateClient();
        Assert.NotNull(client);
    }
}
