using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Kernels -- --filter '*'            (every suite)
// dotnet run -c Release --project bench/Kernels -- --filter '*Entropy*'    (one kind)
BenchmarkSwitcher.FromAssembly(typeof(Prism.Kernels.EntropyBenchmarks).Assembly).Run(args);
