using Prism.Compute;
using Prism.ServiceDefaults.Security;

namespace Prism.Processor;

/// <summary><c>GET /api/v1/processor</c>: what this processor runs on and which kinds it serves.</summary>
public static class ProcessorInfoApi
{
    public static IEndpointRouteBuilder MapProcessorInfo(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/processor", GetInfo).RequireAuthorization(PrismPolicies.Read).WithName("GetProcessorInfo").WithSummary("This processor's engine, device and kinds.").WithTags("Processor");
        return app;
    }

    public static IResult GetInfo(ComputeDevice device, KindHandlerRegistry handlers, Microsoft.Extensions.Options.IOptions<ProcessorOptions> options) =>
        TypedResults.Ok(new
        {
            processorId = options.Value.ProcessorId,
            engine = device.Engine,
            deviceName = device.DeviceName,
            memoryBytes = device.MemoryBytes,
            kinds = handlers.Kinds,
        });
}
