using Prism.Contracts.Validation;

namespace Prism.Contracts.Kinds.Finance;

/// <summary>Checks shared by the finance kinds on a covariance matrix given as rows.</summary>
public static class CovarianceRules
{
    /// <summary>Relative tolerance of the symmetry check: |Σij − Σji| ≤ tol·max(|Σij|, |Σji|, sqrt(Σii·Σjj)).</summary>
    public const double SymmetryTolerance = 1e-9;

    /// <summary>
    /// Ridge, relative to the largest variance, that a positive semidefinite matrix may need to
    /// factor: Σ + ridge·max(diag)·I must have a Cholesky factor. The optimiser solves with the same ridge.
    /// </summary>
    public const double SemidefiniteRidge = 1e-10;

    /// <summary>Checks a symmetric n×n matrix of entries within ±<see cref="MarketLimits.MaxAbsCovariance"/>, with a non-negative diagonal.</summary>
    public static bool ValidateSymmetric(ValidationErrors errors, string field, double[][]? matrix, int n)
    {
        if (!errors.Length(field, matrix, n, n)) return false;
        for (var i = 0; i < n; i++)
        {
            if (matrix![i] is null || matrix[i].Length != n)
            {
                errors.Add($"{field}[{i}]", $"must hold {n} values (one per symbol).");
                return false;
            }
            if (!errors.AllWithin($"{field}[{i}]", matrix[i], MarketLimits.MaxAbsCovariance)) return false;
        }
        for (var i = 0; i < n; i++)
        {
            if (matrix![i][i] < 0)
            {
                errors.Add($"{field}[{i}][{i}]", "a variance must not be negative.");
                return false;
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                double a = matrix![i][j], b = matrix[j][i];
                var scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), Math.Sqrt(matrix[i][i] * matrix[j][j]));
                if (Math.Abs(a - b) > SymmetryTolerance * scale)
                {
                    errors.Add($"{field}[{i}][{j}]", $"must equal {field[1..]}[{j}][{i}] (the matrix must be symmetric).");
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Cholesky factor (lower, row-major n×n) of the symmetric part of <paramref name="matrix"/> plus
    /// <paramref name="ridge"/>·I, or null when a pivot is not above <paramref name="minPivot"/> times its diagonal.
    /// </summary>
    public static double[]? Cholesky(double[][] matrix, double ridge, double minPivot)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Length;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.5 * (matrix[i][j] + matrix[j][i]) + (i == j ? ridge : 0);
                for (var k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j)
                {
                    var diagonal = matrix[i][i] + ridge;
                    if (!(sum > minPivot * diagonal) || !(sum > 0)) return null;
                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    /// <summary>The ridge the optimiser adds: <see cref="SemidefiniteRidge"/> × the largest variance (a tiny floor when all are 0).</summary>
    public static double RidgeFor(double[][] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var max = 0.0;
        for (var i = 0; i < matrix.Length; i++) max = Math.Max(max, matrix[i][i]);
        return SemidefiniteRidge * (max > 0 ? max : 1);
    }
}
