using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kernels -- --filter '*'            (every suite)
// dotnet run -c Release --project bench/Kernels -- --filter '*Entropy*'    (one kind)
// dotnet run -c Release --project bench/Kernels -- graph-color-work        (graph.color's work limit, measured)
if (args is ["graph-color-work"])
{
    await Prism.Kernels.GraphColorWorkProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Prism.Kernels.EntropyBenchmarks).Assembly).Run(args);
