using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Prism.Compute;
using Prism.Processor;
using Prism.Processor.Jobs;

namespace Prism.IntegrationTests.Api;

/// <summary>The processor in-process with its job consumer on MassTransit's test harness and the CPU engine.</summary>
public sealed class ProcessorFactory : WebApplicationFactory<ProcessorOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Processor:Engine", EngineNames.Cpu);
        // One compute slot, so queued jobs wait in the priority gate where the tests can observe the order.
        builder.UseSetting("Processor:MaxConcurrentJobs", "1");
        // Each job waits in the gate on its own (no dynamic batching), so the order is per job; batching has its own tests.
        builder.UseSetting("Processor:MaxBatchSize", "1");
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<JobSubmittedConsumer, JobSubmittedConsumerDefinition>();
            x.AddConsumer<CancelJobConsumer, CancelJobConsumerDefinition>();
        }).UseGenerousHarnessTimeouts());
    }
}
