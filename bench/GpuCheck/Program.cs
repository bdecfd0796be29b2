using System.Diagnostics;
using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Microsoft.Extensions.Logging.Abstractions;
using Prism.Compute;
using Prism.Compute.Kinds.Pixels;
using Prism.KindReferences;

// A CUDA device when there is one; else ILGPU's CPU simulator with tiny sizes, which checks the
// kernels and the batching path but whose timings say nothing about a GPU.
ComputeDevice device;
try
{
    device = new ComputeDevice(EngineNames.Gpu, NullLogger<ComputeDevice>.Instance);
}
catch (InvalidOperationException)
{
    device = new ComputeDevice(EngineNames.IlgpuCpu, NullLogger<ComputeDevice>.Instance);
}
using var _ = device;
var onGpu = device.Accelerator is CudaAccelerator;
var peak = PeakBandwidth(device);
var peakFlops = PeakFp64Flops(device.DeviceName);
Console.WriteLine(Inv($"device: {device.DeviceName} ({device.Engine}){(onGpu ? $", memory {device.MemoryBytes / (1L << 30)} GiB" : "")}, peak bandwidth {(peak is { } p ? $"{p / 1e9:F0} GB/s" : "unknown")}, peak FP64 {(peakFlops is { } pf ? $"{pf / 1e12:F0} TFLOP/s (from table)" : "unknown")}"));
if (device.Accelerator is CudaAccelerator { Device: CudaDevice cudaDevice } cudaAccelerator)
{
    Console.WriteLine(Inv($"as ILGPU reports it: compute capability {cudaDevice.Architecture}, {cudaDevice.NumMultiprocessors} multiprocessors, memory clock {cudaDevice.MemoryClockRate} MHz, bus {cudaDevice.MemoryBusWidth} bits, driver {cudaDevice.DriverVersion}, PTX ISA {cudaAccelerator.InstructionSet}"));
}
if (!onGpu) Console.WriteLine("NO CUDA DEVICE: running on ILGPU's CPU accelerator with tiny sizes; the timings below are not GPU figures.");

var failures = 0;
var gpu = new EntropyIlgpuEngine(device);
var cpu = new EntropyCpuEngine();
var random = new Random(2026);

// 1. Correctness: the kernel against the plain reference and the CPU engine, single and batched.
{
    var side = onGpu ? 512 : 48;
    var pixels = Frame(random, side * side);
    var frame = EntropyMath.Bin(pixels, side, side, 32);
    var reference = EntropyReference.LocalEntropy(pixels, side, side, 7, 32);
    var kernel = await gpu.LocalEntropyAsync(frame, 7, CancellationToken.None);
    var engine = await cpu.LocalEntropyAsync(frame, 7, CancellationToken.None);
    var worst = reference.Select((r, i) => Math.Max(Math.Abs(r - kernel[i]), Math.Abs(r - engine[i]))).Max();
    var same = kernel.SequenceEqual(engine);
    Report("pixels.entropy correctness", worst < 1e-9 && same, Inv($"{side}×{side} window 7: max |kernel − reference| {worst:E1}, kernel == CPU engine bit for bit: {same}"));

    var small = Enumerable.Range(0, 16).Select(_ => new EntropyFrameJob(EntropyMath.Bin(Frame(random, 32 * 32), 32, 32, 16), 3)).ToArray();
    var batched = await gpu.LocalEntropyBatchAsync(small, CancellationToken.None);
    var alone = small.Select(f => gpu.LocalEntropyAsync(f.Frame, f.Window, CancellationToken.None).Result).ToArray();
    Report("pixels.entropy batch = single", batched.Zip(alone).All(p => p.First.SequenceEqual(p.Second)), "16 frames 32×32: each batched map equals the map of the frame alone, bit for bit");
}

// 2. Kernel time, achieved bandwidth (compulsory traffic: bins in, map out) and its fraction of peak.
{
    var side = onGpu ? 4096 : 64;
    var frame = EntropyMath.Bin(Frame(random, side * side), side, side, 32);
    foreach (var window in new[] { 3, 7 })
    {
        await gpu.LocalEntropyAsync(frame, window, CancellationToken.None);
        var runs = onGpu ? 10 : 2;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < runs; r++) await gpu.LocalEntropyAsync(frame, window, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds / runs;
        var bytes = (double)side * side * (1 + 8);
        var windowReads = (double)side * side * window * window * 3;
        var ofPeak = peak is { } pk ? Inv($" = {100 * bytes / seconds / pk:F1}% of peak") : "";
        Console.WriteLine(Inv($"pixels.entropy kernel {side}×{side} window {window}: {seconds * 1e3:F2} ms per frame (incl. upload/download), {bytes / seconds / 1e9:F1} GB/s compulsory{ofPeak}, {windowReads / seconds / 1e9:F1} G window reads/s"));
    }
}

// 2b. Where one large frame's time goes: allocation, upload, the kernel alone, download.
if (device.Accelerator is { } accelerator)
{
    var side = onGpu ? 4096 : 64;
    var frame = EntropyMath.Bin(Frame(random, side * side), side, side, 32);
    var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<long>, ArrayView<double>, EntropyKernelParams>(EntropyKernels.LocalEntropy);
    var host = new double[frame.BinOf.Length];
    foreach (var window in new[] { 3, 7 })
    {
        var runs = onGpu ? 10 : 2;
        double allocate = 0, upload = 0, compute = 0, download = 0;
        for (var r = 0; r <= runs; r++) // run 0 warms up
        {
            var clock = Stopwatch.StartNew();
            using var binOf = accelerator.Allocate1D<byte>(frame.BinOf.Length);
            using var countLog = accelerator.Allocate1D<long>(window * window + 1);
            using var map = accelerator.Allocate1D<double>(frame.BinOf.Length);
            accelerator.Synchronize();
            var a = clock.Elapsed.TotalSeconds;
            binOf.CopyFromCPU(frame.BinOf);
            countLog.CopyFromCPU(EntropyMath.CountLogTable(window * window));
            accelerator.Synchronize();
            var u = clock.Elapsed.TotalSeconds;
            kernel(frame.BinOf.Length, binOf.View, countLog.View, map.View, new EntropyKernelParams(side, side, window / 2));
            accelerator.Synchronize();
            var k = clock.Elapsed.TotalSeconds;
            map.CopyToCPU(host);
            var d = clock.Elapsed.TotalSeconds;
            if (r == 0) continue;
            allocate += a;
            upload += u - a;
            compute += k - u;
            download += d - k;
        }
        var bytes = (double)side * side * (1 + 8);
        var ofPeak = peak is { } pk ? Inv($" = {100 * bytes / (compute / runs) / pk:F1}% of peak") : "";
        Console.WriteLine(Inv($"pixels.entropy {side}×{side} window {window}, per frame: allocate {allocate / runs * 1e3:F2} ms, upload {upload / runs * 1e3:F2} ms, kernel {compute / runs * 1e3:F2} ms ({bytes / (compute / runs) / 1e9:F1} GB/s compulsory{ofPeak}), download {download / runs * 1e3:F2} ms ({8.0 * side * side / (download / runs) / 1e9:F1} GB/s into pageable memory)"));
    }
}

// 3. Small jobs: one launch per job vs one launch per batch (the processor's default batch, 64).
{
    var jobs = onGpu ? 2048 : 128;
    var frames = Enumerable.Range(0, jobs).Select(_ => new EntropyFrameJob(EntropyMath.Bin(Frame(random, 32 * 32), 32, 32, 16), 3)).ToArray();
    await gpu.LocalEntropyBatchAsync(frames[..64], CancellationToken.None);
    var clock = Stopwatch.StartNew();
    foreach (var f in frames) await gpu.LocalEntropyAsync(f.Frame, f.Window, CancellationToken.None);
    var single = jobs / clock.Elapsed.TotalSeconds;
    clock.Restart();
    for (var i = 0; i < jobs; i += 64) await gpu.LocalEntropyBatchAsync(frames[i..Math.Min(jobs, i + 64)], CancellationToken.None);
    var batched = jobs / clock.Elapsed.TotalSeconds;
    Console.WriteLine(Inv($"pixels.entropy small jobs (32×32, window 3), {jobs} jobs: unbatched {single:F0} jobs/s, batched ×64 {batched:F0} jobs/s = {batched / single:F1}× (target ≥ 10× on a GPU)"));
}

// 4. Every kind the processor serves, on its sample input: ILGPU against the CPU engine, time per job, rate.
failures += await Prism.GpuCheck.KindChecks.RunAsync(device, onGpu, peak, peakFlops);

// 5. The processor itself on the in-memory bus with the ILGPU engines: many jobs of every kind against the CPU handler.
failures += await Prism.GpuCheck.PipelineCheck.RunAsync(onGpu ? EngineNames.Gpu : EngineNames.IlgpuCpu, jobsPerKind: onGpu ? 200 : 4, tinyJobs: onGpu ? 5000 : 64);

Console.WriteLine(failures == 0 ? "all checks passed" : $"{failures} check(s) FAILED");
return failures == 0 ? 0 : 1;

void Report(string name, bool ok, string detail)
{
    if (!ok) failures++;
    Console.WriteLine($"{(ok ? "PASS" : "FAIL")} {name}: {detail}");
}

static ushort[] Frame(Random random, int pixels)
{
    var depth = random.Next(6, 13);
    return [.. Enumerable.Range(0, pixels).Select(_ => (ushort)random.Next(0, 1 << depth))];
}

// From the device when ILGPU reports it (double data rate × bus width; ILGPU gives the memory clock in MHz:
// 3201 on an H200, as nvidia-smi's clocks.max.memory), else the datasheet for known parts.
static double? PeakBandwidth(ComputeDevice device)
{
    if (device.Accelerator is CudaAccelerator cuda && cuda.Device is CudaDevice d && d.MemoryClockRate > 0 && d.MemoryBusWidth > 0)
    {
        return 2.0 * d.MemoryClockRate * 1e6 * d.MemoryBusWidth / 8;
    }
    var name = device.DeviceName;
    if (name.Contains("H200", StringComparison.OrdinalIgnoreCase)) return 4.8e12;
    if (name.Contains("H100", StringComparison.OrdinalIgnoreCase)) return name.Contains("PCIe", StringComparison.OrdinalIgnoreCase) ? 2.0e12 : 3.35e12;
    return null;
}

// The kernels compute in double precision; the datasheet's FP64 (non-tensor) peak of the parts we run on.
static double? PeakFp64Flops(string name)
{
    if (name.Contains("H200", StringComparison.OrdinalIgnoreCase)) return 34e12;
    if (name.Contains("H100", StringComparison.OrdinalIgnoreCase)) return name.Contains("PCIe", StringComparison.OrdinalIgnoreCase) ? 26e12 : 34e12;
    return null;
}

static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
