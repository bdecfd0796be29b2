namespace Prism.TestSupport;

/// <summary>How the tests were started.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// <c>CI=true</c>: a test whose service or tool is missing fails instead of skipping, so nothing passes silently.
    /// </summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
