namespace K8sRelay.Testing.Processes;

/// <summary>Polls a condition during fixture set-up; the limit only turns a hang into a clear failure.</summary>
public static class WaitUntil
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms until true, failing after 60 s.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string description)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {description}.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
