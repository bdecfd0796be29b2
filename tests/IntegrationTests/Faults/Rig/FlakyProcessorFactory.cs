using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Prism.Compute;
using Prism.Compute.Kinds.Pixels;
using Prism.Contracts.Kinds.Pixels;
using Prism.Processor;

namespace Prism.IntegrationTests.Faults.Rig;

/// <summary>
/// The real processor (its consumer, retry policy and error queue on real RabbitMQ) in-process, with
/// one test double: the pixels.entropy handler fails on purpose for frames of a marked width.
/// </summary>
public sealed class FlakyProcessorFactory(string rabbitMq) : WebApplicationFactory<ProcessorOptions>
{
    /// <summary>Frames this wide throw a transient fault on their first two tries, then compute.</summary>
    public const int FlakyWidth = 5;

    /// <summary>Frames this wide throw on every try.</summary>
    public const int BrokenWidth = 7;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration, not app configuration: the bus reads its connection string while Program builds.
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            ["Processor:Engine"] = EngineNames.Cpu,
            ["Processor:ProcessorId"] = "flaky",
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IKindHandler>();
            services.AddSingleton<PixelsEntropyHandler>();
            services.AddSingleton<IKindHandler, FlakyEntropyHandler>();
        });

    private sealed class FlakyEntropyHandler(PixelsEntropyHandler real) : IKindHandler
    {
        private readonly ConcurrentDictionary<int, int> _tries = new();

        public string Kind => real.Kind;

        public Task<object> ExecuteAsync(object input, CancellationToken cancellationToken)
        {
            var frame = (PixelsEntropyInput)input;
            var tries = _tries.AddOrUpdate(frame.Pixels![0], 1, (_, n) => n + 1);
            if (frame.Width == BrokenWidth) throw new IOException($"The scratch disk failed (try {tries}).");
            if (frame.Width == FlakyWidth && tries <= 2) throw new TimeoutException($"The device timed out (try {tries}).");
            return real.ExecuteAsync(input, cancellationToken);
        }
    }
}
