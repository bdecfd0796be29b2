namespace Prism.Compute.Kinds.Pwsa;

/// <summary>The per-measurement filter steps both engines (and the ILGPU kernel) call, so their results agree.</summary>
public static class FuseMath
{
    /// <summary>Initial velocity variance (docs/kinds/pwsa.fuse.md, "Semantics").</summary>
    public const double InitialVelocityVariance = 1e6;

    /// <summary>Doubles per track in the engines' output: position, velocity, position σ, velocity σ (3 each).</summary>
    public const int OutputStride = 12;

    /// <summary>State at the first measurement: position measured, velocity 0, P = diag(r, 1e6) per axis.</summary>
    public static KalmanState Init(double x, double y, double z, double r) =>
        new(x, y, z, 0, 0, 0, r, 0, InitialVelocityVariance);

    /// <summary>
    /// Predict over <paramref name="dt"/> with F = [[1, dt], [0, 1]] and Q = q·[[dt³/3, dt²/2], [dt²/2, dt]],
    /// then update with the measured position (H = [1 0], R = r) on each axis.
    /// </summary>
    public static KalmanState Step(KalmanState s, double dt, double x, double y, double z, double q, double r)
    {
        var dt2 = dt * dt;
        var a = s.Ppp + 2 * dt * s.Ppv + dt2 * s.Pvv + q * dt2 * dt / 3;
        var b = s.Ppv + dt * s.Pvv + q * dt2 / 2;
        var d = s.Pvv + q * dt;

        var innovationVariance = a + r;
        var kp = a / innovationVariance;
        var kv = b / innovationVariance;

        double px = s.Px + dt * s.Vx, py = s.Py + dt * s.Vy, pz = s.Pz + dt * s.Vz;
        double ex = x - px, ey = y - py, ez = z - pz;

        // (I − KH)P' written so the position terms carry no cancellation: a − kp·a = kp·r, b − kp·b = kv·r.
        return new KalmanState(
            px + kp * ex, py + kp * ey, pz + kp * ez,
            s.Vx + kv * ex, s.Vy + kv * ey, s.Vz + kv * ez,
            kp * r, kv * r, d - kv * b);
    }

    /// <summary>√ of a variance; rounding can leave a variance a hair below 0, which means 0.</summary>
    public static double Sigma(double variance) => Math.Sqrt(Math.Max(0.0, variance));
}
