using System.Net;
using Prism.IntegrationTests.Infrastructure;

namespace Prism.IntegrationTests.Faults.Rig;

public static class Readiness
{
    /// <summary>Polls <c>/health/ready</c> until it answers 503; false at the deadline. Returns the body seen.</summary>
    public static async Task<(bool NotReady, string Body)> WaitNotReadyAsync(this ServiceProcess service, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        var body = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return (true, body);
            }
            catch (HttpRequestException ex)
            {
                body = ex.Message;
            }
            catch (TaskCanceledException)
            {
                body = "timed out";
            }
            await Task.Delay(250);
        }
        return (false, body);
    }
}
