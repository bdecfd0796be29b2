namespace Prism.IntegrationTests.Api;

/// <summary>
/// Waits for a condition on the harness's message lists. The harness's own waits end at its
/// inactivity timer, which a class fixture shared by several tests has long since passed.
/// </summary>
public static class Eventually
{
    public static async Task<bool> True(Func<bool> condition, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        return true;
    }
}
