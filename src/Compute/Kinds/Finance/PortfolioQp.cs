namespace Prism.Compute.Kinds.Finance;

/// <summary>
/// Exact solver of min ½·wᵀHw − t·μᵀw subject to Σw = 1 and lo ≤ w ≤ hi, with H = Σ + ridge·I
/// positive definite. A primal active-set method: each step solves the equality-constrained problem
/// on the free weights (Cholesky + Schur complement for the sum), moves towards it until a bound
/// blocks, and frees the bound whose multiplier is most negative once the step is full. It stops
/// at a KKT point, which for a convex problem is the optimum. The first solve is warm-started by
/// accelerated projected gradient (exact projection onto the capped simplex), so the active set is
/// nearly right before the exact phase; later solves (another t) start from the previous answer.
/// </summary>
public sealed class PortfolioQp
{
    /// <summary>Multipliers above −tolerance × scale count as non-negative (a well-conditioned Σ).</summary>
    public const double MultiplierTolerance = 1e-11;

    /// <summary>
    /// Past t·max|μ| / max Hᵢᵢ = 1e12 the problem is solved as max μᵀw (see <see cref="Solve"/>). The exact
    /// solver was seen to hold the budget to 1e-7 relative up to ~1e11 and to lose it past ~1e14.
    /// </summary>
    public const double ReturnDominance = 1e12;

    private const sbyte Free = 0, AtLower = -1, AtUpper = 1;
    private readonly int _n;
    private readonly double[] _h;
    private readonly double[] _mu;
    private readonly double _lo, _hi;
    private readonly double[] _w;
    private readonly sbyte[] _state;
    private readonly double _tolerance;
    private readonly double _muScale, _hScale;
    private bool _warm;

    /// <param name="sigma">Σ, row-major n×n.</param>
    /// <param name="ridge">Added to the diagonal; 0 when Σ is positive definite.</param>
    /// <param name="condition">An estimate of H's condition number: multipliers are only as accurate as
    /// the solves, so the sign test allows 1e-14 × condition (at least <see cref="MultiplierTolerance"/>).</param>
    /// <param name="mu">Expected returns μ.</param>
    /// <param name="lo">Lower bound of every weight.</param>
    /// <param name="hi">Upper bound of every weight.</param>
    public PortfolioQp(double[] sigma, double ridge, double condition, double[] mu, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(mu);
        _n = mu.Length;
        _h = (double[])sigma.Clone();
        for (var i = 0; i < _n; i++) _h[i * _n + i] += ridge;
        _mu = mu;
        _lo = lo;
        _hi = hi;
        _tolerance = Math.Clamp(1e-14 * condition, MultiplierTolerance, 1e-5);
        for (var i = 0; i < _n; i++)
        {
            _muScale = Math.Max(_muScale, Math.Abs(mu[i]));
            _hScale = Math.Max(_hScale, _h[i * _n + i]);
        }
        _w = new double[_n];
        _state = new sbyte[_n];
        for (var i = 0; i < _n; i++) _w[i] = Math.Clamp(1.0 / _n, lo, hi);
    }

    /// <summary>The current solution (owned by the solver; copy it to keep it).</summary>
    public double[] Weights => _w;

    /// <summary>Active-set iterations taken by the last <see cref="Solve"/>.</summary>
    public int Iterations { get; private set; }

    /// <summary>Solves for <paramref name="t"/> (0: minimum variance), starting from the current solution.</summary>
    public void Solve(double t, CancellationToken cancellationToken)
    {
        if (t * _muScale > ReturnDominance * _hScale)
        {
            // The return term outweighs the risk term by more than double precision can hold next to it:
            // the equality solves lose the budget, and the optimum is the linear one to within 1e-12.
            MaximiseReturn();
            Iterations = 0;
            return;
        }
        if (!_warm)
        {
            WarmStart(t, cancellationToken);
            _warm = true;
        }

        var maxIterations = 20 * _n + 200;
        var free = new List<int>(_n);
        var tolerance = _tolerance;
        for (Iterations = 0; Iterations < maxIterations; Iterations++)
        {
            if ((Iterations & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            // Rounding can make a near-degenerate active set cycle; a looser sign test ends it.
            if (Iterations > 0 && Iterations % (4 * _n + 50) == 0) tolerance *= 100;
            free.Clear();
            for (var i = 0; i < _n; i++) if (_state[i] == Free) free.Add(i);
            if (free.Count == 0)
            {
                // Every weight sits on a bound (a vertex). It is the optimum when some budget multiplier
                // makes every bound's multiplier non-negative; else let go of the weight the objective most
                // wants to move inwards. (Freeing one at an optimal vertex only pinned it back on its bound
                // by rounding, over and over: the cycle this test ends.)
                if (VertexIsOptimal(t, tolerance)) return;
                _state[Releasable(t)] = Free;
                continue;
            }

            var (target, nu) = SolveEquality(free, t);

            var alpha = 1.0;
            int blocking = -1;
            sbyte side = Free;
            for (var k = 0; k < free.Count; k++)
            {
                var i = free[k];
                var p = target[k] - _w[i];
                // Steps that cross a bound by no more than rounding do not block.
                if (p < 0 && _w[i] + p < _lo - BoundSlack(_lo))
                {
                    var a = Math.Max(0, (_lo - _w[i]) / p);
                    if (a < alpha) (alpha, blocking, side) = (a, i, AtLower);
                }
                else if (p > 0 && _w[i] + p > _hi + BoundSlack(_hi))
                {
                    var a = Math.Max(0, (_hi - _w[i]) / p);
                    if (a < alpha) (alpha, blocking, side) = (a, i, AtUpper);
                }
            }

            if (blocking >= 0)
            {
                for (var k = 0; k < free.Count; k++) _w[free[k]] += alpha * (target[k] - _w[free[k]]);
                _w[blocking] = side == AtLower ? _lo : _hi;
                _state[blocking] = side;
                continue;
            }

            for (var k = 0; k < free.Count; k++) _w[free[k]] = Math.Clamp(target[k], _lo, _hi);
            var worst = WorstMultiplier(t, nu, tolerance);
            if (worst < 0) return;
            _state[worst] = Free;
        }
        throw new InvalidOperationException($"The portfolio optimiser did not converge in {maxIterations} active-set iterations.");
    }

    // max μᵀw over {Σw = 1, lo ≤ w ≤ hi}: every weight from its lower bound, the rest of the budget to the
    // highest returns first (equal returns: the lower variance first), so at most one weight ends inside.
    private void MaximiseReturn()
    {
        var order = Enumerable.Range(0, _n).OrderByDescending(i => _mu[i]).ThenBy(i => _h[i * _n + i]).ToArray();
        var left = 1 - _n * _lo;
        foreach (var i in order)
        {
            var add = Math.Min(_hi - _lo, Math.Max(0, left));
            _w[i] = _lo + add;
            left -= add;
            _state[i] = add <= 0 ? AtLower : add >= _hi - _lo ? AtUpper : Free;
        }
        _warm = true;
    }

    // Minimiser of the objective over the free weights with the bounded ones fixed and Σw = 1:
    // H_FF·x = t·μ_F − H_FB·w_B − ν·1, 1ᵀx = 1 − Σw_B.
    private (double[] Target, double Nu) SolveEquality(List<int> free, double t)
    {
        var f = free.Count;
        var fixedSum = 0.0;
        for (var i = 0; i < _n; i++) if (_state[i] != Free) fixedSum += _w[i];

        var rhs = new double[f];
        var l = new double[f * f];
        for (var a = 0; a < f; a++)
        {
            var i = free[a];
            var value = t * _mu[i];
            for (var j = 0; j < _n; j++) if (_state[j] != Free) value -= _h[i * _n + j] * _w[j];
            rhs[a] = value;
            for (var b = 0; b <= a; b++) l[a * f + b] = _h[i * _n + free[b]];
        }
        CholeskyInPlace(l, f);
        var x1 = SolveCholesky(l, f, rhs);
        var ones = new double[f];
        Array.Fill(ones, 1.0);
        var x2 = SolveCholesky(l, f, ones);
        double s1 = 0, s2 = 0;
        for (var a = 0; a < f; a++)
        {
            s1 += x1[a];
            s2 += x2[a];
        }
        var nu = (s1 - (1 - fixedSum)) / s2;
        var sum = 0.0;
        for (var a = 0; a < f; a++)
        {
            x1[a] -= nu * x2[a];
            sum += x1[a];
        }
        // For a large t the two solves are large and nearly cancel, so the budget holds only to rounding of
        // their size (1e-7 at t ≈ 1e8 was seen); spreading the residue keeps every iterate on Σw = 1.
        var residue = (1 - fixedSum - sum) / f;
        for (var a = 0; a < f; a++) x1[a] += residue;
        return (x1, nu);
    }

    private static double BoundSlack(double bound) => 1e-14 * Math.Max(1, Math.Abs(bound));

    // Stationarity at a vertex asks for ν with g_i + ν ≥ 0 at every lower bound and g_i + ν ≤ 0 at every
    // upper one: max over lower bounds of −g_i ≤ min over upper bounds of −g_i, within the sign test's tolerance.
    private bool VertexIsOptimal(double t, double relativeTolerance)
    {
        double lowest = double.NegativeInfinity, highest = double.PositiveInfinity, scale = 0;
        for (var i = 0; i < _n; i++)
        {
            var hw = 0.0;
            for (var j = 0; j < _n; j++) hw += _h[i * _n + j] * _w[j];
            var g = hw - t * _mu[i];
            scale = Math.Max(scale, Math.Max(Math.Abs(hw), Math.Abs(t * _mu[i])));
            if (_state[i] == AtLower) lowest = Math.Max(lowest, -g);
            else highest = Math.Min(highest, -g);
        }
        return lowest <= highest + relativeTolerance * Math.Max(scale, double.Epsilon);
    }

    // At a vertex: the weight at its lower bound with the smallest gradient (or, if none, the one at
    // its upper bound with the largest).
    private int Releasable(double t)
    {
        int best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < _n; i++)
        {
            var hw = 0.0;
            for (var j = 0; j < _n; j++) hw += _h[i * _n + j] * _w[j];
            var g = hw - t * _mu[i];
            var score = _state[i] == AtLower ? -g : g - 1e300;
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        return best;
    }

    // The bounded weight whose multiplier is most negative beyond tolerance, or −1 at a KKT point.
    // Stationarity: H·w − t·μ + ν·1 − λlo + λhi = 0, so λlo = g + ν and λhi = −(g + ν).
    private int WorstMultiplier(double t, double nu, double relativeTolerance)
    {
        var scale = Math.Abs(nu);
        var g = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var hw = 0.0;
            for (var j = 0; j < _n; j++) hw += _h[i * _n + j] * _w[j];
            g[i] = hw - t * _mu[i];
            scale = Math.Max(scale, Math.Max(Math.Abs(hw), Math.Abs(t * _mu[i])));
        }
        var tolerance = relativeTolerance * Math.Max(scale, double.Epsilon);
        int worst = -1;
        var worstValue = -tolerance;
        for (var i = 0; i < _n; i++)
        {
            if (_state[i] == Free) continue;
            var lambda = _state[i] == AtLower ? g[i] + nu : -(g[i] + nu);
            if (lambda < worstValue) (worst, worstValue) = (i, lambda);
        }
        return worst;
    }

    // FISTA with adaptive restart; sets the working set from the bounds the iterate sits on.
    private void WarmStart(double t, CancellationToken cancellationToken)
    {
        var lipschitz = 0.0;
        for (var i = 0; i < _n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < _n; j++) row += Math.Abs(_h[i * _n + j]);
            lipschitz = Math.Max(lipschitz, row);
        }
        var step = 1 / lipschitz;
        var x = (double[])_w.Clone();
        var y = (double[])_w.Clone();
        var next = new double[_n];
        var momentum = 1.0;
        var iterations = Math.Min(2000, 50 + 4 * _n);
        for (var k = 0; k < iterations; k++)
        {
            if ((k & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < _n; i++)
            {
                var hy = 0.0;
                for (var j = 0; j < _n; j++) hy += _h[i * _n + j] * y[j];
                next[i] = y[i] - step * (hy - t * _mu[i]);
            }
            ProjectOntoCappedSimplex(next, _lo, _hi);
            var nextMomentum = (1 + Math.Sqrt(1 + 4 * momentum * momentum)) / 2;
            var restart = 0.0;
            for (var i = 0; i < _n; i++) restart += (y[i] - next[i]) * (next[i] - x[i]);
            if (restart > 0) nextMomentum = 1;
            var beta = restart > 0 ? 0 : (momentum - 1) / nextMomentum;
            for (var i = 0; i < _n; i++)
            {
                y[i] = next[i] + beta * (next[i] - x[i]);
                x[i] = next[i];
            }
            momentum = nextMomentum;
        }
        for (var i = 0; i < _n; i++)
        {
            _w[i] = x[i];
            _state[i] = x[i] <= _lo ? AtLower : x[i] >= _hi ? AtUpper : Free;
            if (_state[i] != Free) _w[i] = _state[i] == AtLower ? _lo : _hi;
        }
    }

    /// <summary>
    /// Euclidean projection onto {Σw = 1, lo ≤ w ≤ hi}: w = clamp(v − τ, lo, hi) with the shift τ
    /// found by bisection (the sum is monotone in τ).
    /// </summary>
    public static void ProjectOntoCappedSimplex(double[] v, double lo, double hi)
    {
        ArgumentNullException.ThrowIfNull(v);
        double min = double.MaxValue, max = double.MinValue;
        foreach (var x in v)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        double tauLo = min - hi, tauHi = max - lo;
        for (var k = 0; k < 200 && tauHi - tauLo > 1e-15 * Math.Max(1, Math.Abs(tauLo)); k++)
        {
            var tau = 0.5 * (tauLo + tauHi);
            var sum = 0.0;
            foreach (var x in v) sum += Math.Clamp(x - tau, lo, hi);
            if (sum > 1) tauLo = tau;
            else tauHi = tau;
        }
        var shift = 0.5 * (tauLo + tauHi);
        for (var i = 0; i < v.Length; i++) v[i] = Math.Clamp(v[i] - shift, lo, hi);
    }

    private static void CholeskyInPlace(double[] a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (var k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (!(d > 0)) throw new InvalidOperationException("The covariance restricted to the free weights is not positive definite.");
            var ljj = Math.Sqrt(d);
            a[j * n + j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / ljj;
            }
        }
    }

    private static double[] SolveCholesky(double[] l, int n, double[] b)
    {
        var x = (double[])b.Clone();
        for (var i = 0; i < n; i++)
        {
            var s = x[i];
            for (var k = 0; k < i; k++) s -= l[i * n + k] * x[k];
            x[i] = s / l[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
            x[i] = s / l[i * n + i];
        }
        return x;
    }
}
