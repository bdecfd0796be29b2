using System.Net;
using Prism.Client;
using Prism.Contracts;
using Prism.Contracts.Api;
using Prism.Contracts.Kinds.Pixels;

namespace Prism.ClientTests.Infrastructure;

/// <summary>Inputs and helpers the tests share.</summary>
public static class Jobs
{
    /// <summary>Compute slots of the test Standalone (<c>Processor__MaxConcurrentJobs</c>).</summary>
    public const int ComputeSlots = 2;

    /// <summary>A 1×1 frame: finishes in microseconds.</summary>
    public static PixelsEntropyInput Tiny(ushort value = 1) => new() { Width = 1, Height = 1, Pixels = [value], Window = 3, Bins = 2 };
}
