namespace Prism.Compute.Kinds.Pwsa;

/// <summary>
/// A constant-velocity Kalman filter of <c>pwsa.fuse</c>, stored per axis. F, Q, H and R are
/// block-diagonal across x, y, z and the initial P is diagonal, so the 6×6 filter is exactly
/// three independent [position, velocity] filters — and since P never depends on the measured
/// values, all three share one 2×2 covariance [[Ppp, Ppv], [Ppv, Pvv]].
/// </summary>
public readonly record struct KalmanState(
    double Px, double Py, double Pz,
    double Vx, double Vy, double Vz,
    double Ppp, double Ppv, double Pvv);
