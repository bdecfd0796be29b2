using Xunit;

namespace Prism.TestSupport;

/// <summary>
/// Polls a condition until it holds or the time is up: the harness's message lists (whose own waits end
/// at its inactivity timer, which a class fixture shared by several tests has long since passed), a
/// process's output, a file.
/// </summary>
public static class Eventually
{
    public static async Task<bool> True(Func<bool> condition, double seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return true;
    }
}
