namespace Prism.KindReferences;

/// <summary>
/// The plain single-threaded implementation of the filter in docs/kinds/pwsa.fuse.md, written for
/// clarity with full 6×6 matrices and the textbook equations (x = Fx, P = FPFᵀ + Q, K = PHᵀ(HPHᵀ + R)⁻¹,
/// x += K(z − Hx), P = (I − KH)P). It shares nothing with the engines: tests compare them with it,
/// benchmarks measure them against it.
/// </summary>
public static class FuseReference
{
    /// <summary>Final state of one track: (position, velocity, √diag P).</summary>
    public static (double[] Position, double[] Velocity, double[] Sigma) Filter(double[] times, double[][] positions, double q, double r)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(positions);
        var x = new double[6, 1];
        for (var i = 0; i < 3; i++) x[i, 0] = positions[0][i];
        var p = new double[6, 6];
        for (var i = 0; i < 3; i++)
        {
            p[i, i] = r;
            p[i + 3, i + 3] = 1e6;
        }
        var h = new double[3, 6];
        for (var i = 0; i < 3; i++) h[i, i] = 1;
        var rm = new double[3, 3];
        for (var i = 0; i < 3; i++) rm[i, i] = r;

        for (var j = 1; j < times.Length; j++)
        {
            var dt = times[j] - times[j - 1];
            var f = Identity(6);
            var qm = new double[6, 6];
            for (var i = 0; i < 3; i++)
            {
                f[i, i + 3] = dt;
                qm[i, i] = q * dt * dt * dt / 3;
                qm[i, i + 3] = qm[i + 3, i] = q * dt * dt / 2;
                qm[i + 3, i + 3] = q * dt;
            }
            x = Multiply(f, x);
            p = Add(Multiply(Multiply(f, p), Transpose(f)), qm);

            var z = new double[3, 1];
            for (var i = 0; i < 3; i++) z[i, 0] = positions[j][i];
            var s = Add(Multiply(Multiply(h, p), Transpose(h)), rm);
            var k = Multiply(Multiply(p, Transpose(h)), Inverse(s));
            x = Add(x, Multiply(k, Subtract(z, Multiply(h, x))));
            p = Multiply(Subtract(Identity(6), Multiply(k, h)), p);
        }

        var sigma = new double[6];
        for (var i = 0; i < 6; i++) sigma[i] = Math.Sqrt(Math.Max(0, p[i, i]));
        return ([x[0, 0], x[1, 0], x[2, 0]], [x[3, 0], x[4, 0], x[5, 0]], sigma);
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++) m[i, i] = 1;
        return m;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = new double[a.GetLength(0), b.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < b.GetLength(1); j++)
                for (var k = 0; k < a.GetLength(1); k++)
                    m[i, j] += a[i, k] * b[k, j];
        return m;
    }

    private static double[,] Transpose(double[,] a)
    {
        var m = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                m[j, i] = a[i, j];
        return m;
    }

    private static double[,] Add(double[,] a, double[,] b) => Combine(a, b, 1);

    private static double[,] Subtract(double[,] a, double[,] b) => Combine(a, b, -1);

    private static double[,] Combine(double[,] a, double[,] b, double sign)
    {
        var m = new double[a.GetLength(0), a.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
            for (var j = 0; j < a.GetLength(1); j++)
                m[i, j] = a[i, j] + sign * b[i, j];
        return m;
    }

    /// <summary>Gauss–Jordan elimination with partial pivoting.</summary>
    private static double[,] Inverse(double[,] a)
    {
        var n = a.GetLength(0);
        var w = (double[,])a.Clone();
        var inv = Identity(n);
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var i = c + 1; i < n; i++) if (Math.Abs(w[i, c]) > Math.Abs(w[pivot, c])) pivot = i;
            for (var j = 0; j < n; j++)
            {
                (w[c, j], w[pivot, j]) = (w[pivot, j], w[c, j]);
                (inv[c, j], inv[pivot, j]) = (inv[pivot, j], inv[c, j]);
            }
            var d = w[c, c];
            for (var j = 0; j < n; j++)
            {
                w[c, j] /= d;
                inv[c, j] /= d;
            }
            for (var i = 0; i < n; i++)
            {
                if (i == c) continue;
                var factor = w[i, c];
                for (var j = 0; j < n; j++)
                {
                    w[i, j] -= factor * w[c, j];
                    inv[i, j] -= factor * inv[c, j];
                }
            }
        }
        return inv;
    }
}
