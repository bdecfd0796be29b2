using ILGPU;

namespace Prism.Compute.Kinds.Pwsa;

/// <summary>ILGPU kernels of <c>pwsa.fuse</c>.</summary>
public static class FuseKernels
{
    /// <summary>One thread per track: run its filter over its measurements and write 12 doubles.</summary>
    public static void Filter(
        Index1D track,
        ArrayView<int> offsets,
        ArrayView<double> times,
        ArrayView<double> positions,
        ArrayView<double> output,
        FuseKernelParams p)
    {
        int first = offsets[track], end = offsets[track + 1];
        var state = FuseMath.Init(positions[3 * first], positions[3 * first + 1], positions[3 * first + 2], p.MeasurementNoise);
        for (var j = first + 1; j < end; j++)
        {
            state = FuseMath.Step(state, times[j] - times[j - 1], positions[3 * j], positions[3 * j + 1], positions[3 * j + 2], p.ProcessNoise, p.MeasurementNoise);
        }

        double sp = FuseMath.Sigma(state.Ppp), sv = FuseMath.Sigma(state.Pvv);
        var o = track * FuseMath.OutputStride;
        output[o] = state.Px; output[o + 1] = state.Py; output[o + 2] = state.Pz;
        output[o + 3] = state.Vx; output[o + 4] = state.Vy; output[o + 5] = state.Vz;
        output[o + 6] = sp; output[o + 7] = sp; output[o + 8] = sp;
        output[o + 9] = sv; output[o + 10] = sv; output[o + 11] = sv;
    }
}
