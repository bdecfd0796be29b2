using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prism.Compute.Kinds.Causal;
using Prism.Compute.Kinds.Finance;
using Prism.Compute.Kinds.Graph;
using Prism.Compute.Kinds.Pixels;
using Prism.Compute.Kinds.Pwsa;
using Prism.Compute.Kinds.Robotics;
using Prism.Compute.Kinds.Telecom;
using Prism.Compute.Kinds.Timeseries;

namespace Prism.Compute;

/// <summary>Registers the kinds and their engines; the caller registers the <see cref="ComputeDevice"/>.</summary>
public static class ComputeKindsExtensions
{
    /// <summary>
    /// Every kind the processor serves, each with its engine picked by the registered
    /// <see cref="ComputeDevice"/>. The GPU check builds two of these (ILGPU and CPU) to compare them.
    /// </summary>
    public static IServiceCollection AddComputeKinds(this IServiceCollection services)
    {
        services.AddComputeKind<IEntropyEngine, EntropyCpuEngine, EntropyIlgpuEngine, PixelsEntropyHandler>();
        services.AddComputeKind<ISegmentEngine, SegmentCpuEngine, SegmentIlgpuEngine, PixelsSegmentHandler>();
        services.AddKindHandler<PwsaDetectHandler>(); // reuses the segment and entropy engines
        services.AddComputeKind<IFuseEngine, FuseCpuEngine, FuseIlgpuEngine, PwsaFuseHandler>();
        services.AddComputeKind<IForecastEngine, ForecastCpuEngine, ForecastIlgpuEngine, TimeseriesForecastHandler>();
        services.AddComputeKind<ITransferEntropyEngine, TransferEntropyCpuEngine, TransferEntropyIlgpuEngine, CausalTransferEntropyHandler>();
        services.AddComputeKind<ICovarianceEngine, CovarianceCpuEngine, CovarianceIlgpuEngine, FinanceOptimizeHandler>();
        services.AddComputeKind<IRiskEngine, RiskCpuEngine, RiskIlgpuEngine, FinanceRiskHandler>();
        services.AddComputeKind<IShortestPathEngine, ShortestPathCpuEngine, ShortestPathIlgpuEngine, TelecomOptimizeHandler>();
        services.AddComputeKind<IColoringEngine, ColoringCpuEngine, ColoringIlgpuEngine, GraphColorHandler>();
        services.AddComputeKind<IVisibilityEngine, VisibilityCpuEngine, VisibilityIlgpuEngine, RoboticsPlanHandler>();
        return services;
    }

    /// <summary>
    /// Registers a kind whose engine has a managed CPU and an ILGPU implementation; the one that
    /// matches the <see cref="ComputeDevice"/> chosen at start is used.
    /// </summary>
    public static IServiceCollection AddComputeKind<TEngine, TCpu, TIlgpu, THandler>(this IServiceCollection services)
        where TEngine : class
        where TCpu : class, TEngine
        where TIlgpu : class, TEngine
        where THandler : class, IKindHandler
    {
        services.AddSingleton<TCpu>();
        services.AddSingleton<TIlgpu>();
        services.AddSingleton<TEngine>(sp => sp.GetRequiredService<ComputeDevice>().Accelerator is null
            ? sp.GetRequiredService<TCpu>()
            : sp.GetRequiredService<TIlgpu>());
        return services.AddKindHandler<THandler>();
    }

    /// <summary>
    /// Registers the handler of a kind (its schema is registered with <c>AddJobKind</c> in the services that
    /// validate it); a handler whose engines are registered otherwise, or that needs none, comes in here.
    /// </summary>
    public static IServiceCollection AddKindHandler<THandler>(this IServiceCollection services) where THandler : class, IKindHandler
    {
        services.AddSingleton<IKindHandler, THandler>();
        services.TryAddSingleton<KindHandlerRegistry>();
        return services;
    }
}
