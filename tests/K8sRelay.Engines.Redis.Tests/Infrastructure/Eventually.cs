using K8sRelay.Protocol;

namespace K8sRelay.Engines.Redis.Tests.Infrastructure;

/// <summary>Retries an engine call that fails with the temporary internal error while Redis recovers.</summary>
public static class Eventually
{
    /// <summary>
    /// Calls <paramref name="action"/> every 100 ms until it succeeds. Every failure on the way must be the
    /// temporary internal error (anything else fails the test at once); the 60 s limit only turns a hang into a failure.
    /// </summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, string description)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                return await action();
            }
            catch (ProtocolErrorException e) when (DateTime.UtcNow < deadline)
            {
                Assert.Equal(ErrorCodes.Internal, e.Error.Code);
                Assert.True(e.Error.Temporary);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
