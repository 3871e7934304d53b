using K8sRelay.Operator.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Operator.Tests.Runtime;

public sealed class WorkQueueTests
{
    private static readonly ObjectKey A = new("ns", "a");
    private static readonly ObjectKey B = new("ns", "b");

    [Fact]
    public async Task Add_SameKeyTwice_IsQueuedOnce()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add(A);
        queue.Add(A);
        queue.Add(B);

        Assert.Equal(2, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(TestContext.Current.CancellationToken));
        Assert.Equal(B, await queue.TakeAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Add_WhileProcessing_IsHandedOutOnlyAfterDone()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        queue.Add(A);
        var first = await queue.TakeAsync(TestContext.Current.CancellationToken);
        queue.Add(A);
        queue.Add(B);

        Assert.Equal(B, await queue.TakeAsync(TestContext.Current.CancellationToken));
        var again = queue.TakeAsync(TestContext.Current.CancellationToken);
        Assert.False(again.IsCompleted);

        queue.Done(first!.Value);
        Assert.Equal(A, await again);
    }

    [Fact]
    public async Task AddAfter_WaitsForTheClock_AndTheEarliestDelayWins()
    {
        var time = new FakeTimeProvider();
        using var queue = new WorkQueue(time);
        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        queue.AddAfter(A, TimeSpan.FromSeconds(2));
        queue.AddAfter(A, TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, queue.Depth);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(A, await queue.TakeAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ShutDown_ReleasesWaitingTakers()
    {
        using var queue = new WorkQueue(new FakeTimeProvider());
        var waiting = queue.TakeAsync(TestContext.Current.CancellationToken);

        queue.ShutDown();

        Assert.Null(await waiting);
    }

    [Fact]
    public void RetryBackoff_DoublesPerFailure_UpToTheCap_AndForgets()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350));

        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(A));
        Assert.Equal(TimeSpan.FromMilliseconds(200), backoff.Next(A));
        Assert.Equal(TimeSpan.FromMilliseconds(350), backoff.Next(A));
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(B));
        backoff.Forget(A);
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next(A));
    }
}
