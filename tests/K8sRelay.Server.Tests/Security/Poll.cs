namespace K8sRelay.Server.Tests.Security;

/// <summary>Waits for a condition that the server reaches on its own schedule (a closed socket, a new second).</summary>
internal static class Poll
{
    /// <summary>Checks the condition every <paramref name="interval"/> until it holds; fails after <see cref="RawClient.WaitLimit"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, int interval = 100)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(RawClient.WaitLimit);
        while (!await condition())
        {
            await Task.Delay(interval, limit.Token);
        }
    }

    /// <summary>Synchronous form of <see cref="UntilAsync(Func{Task{bool}}, int)"/>.</summary>
    public static Task UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));
}
