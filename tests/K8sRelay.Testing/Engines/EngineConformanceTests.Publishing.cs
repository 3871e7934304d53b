using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>Idempotent publish, delta and concurrency scenarios.</summary>
public abstract partial class EngineConformanceTests
{
    [Fact]
    public async Task IdempotentPublish_RepeatedKey_IsSuppressedWithTheFirstResult()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var options = WithHistory() with { IdempotencyKey = "key-1" };

        var first = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        var repeated = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("after"), WithHistory(), Ct);

        Assert.False(first.Suppressed);
        Assert.True(repeated.Suppressed);
        Assert.Equal(first.Position, repeated.Position);
        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 2);
        Assert.Equal(["a", "after"], delivered.Select(p => p.Text));
        Assert.Equal([1UL, 2UL], (await HistoryAsync(Node, channel, limit: -1)).Publications.Select(p => p.Offset));
    }

    [Fact]
    public async Task IdempotentPublish_WithoutHistory_IsSuppressed()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var options = NoHistory with { IdempotencyKey = "key-1" };

        await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        var repeated = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("after"), NoHistory, Ct);

        Assert.True(repeated.Suppressed);
        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 2);
        Assert.Equal(["a", "after"], delivered.Select(p => p.Text));
    }

    [Fact]
    public async Task IdempotentPublish_AfterTheResultTtl_PublishesAgain()
    {
        var channel = NewChannel();
        var options = WithHistory(metaTtl: TimeSpan.FromHours(1)) with { IdempotencyKey = "key-1", IdempotentResultTtl = TimeSpan.FromMinutes(1) };

        await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        var withinTtl = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(31));
        var afterTtl = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);

        Assert.True(withinTtl.Suppressed);
        Assert.False(afterTtl.Suppressed);
        Assert.Equal(2UL, afterTtl.Position.Offset);
    }

    [Fact]
    public async Task IdempotentPublish_KeysBelongToOneChannel()
    {
        var first = NewChannel();
        var second = NewChannel();
        var options = WithHistory() with { IdempotencyKey = "same-key" };

        await Node.Broker.PublishAsync(first, Bytes("a"), options, Ct);
        var other = await Node.Broker.PublishAsync(second, Bytes("a"), options, Ct);

        Assert.False(other.Suppressed);
        Assert.Equal(1UL, other.Position.Offset);
    }

    [Fact]
    public async Task Publish_WithDelta_PassesThePreviousPublication()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var delta = WithHistory() with { UseDelta = true };

        await Node.Broker.PublishAsync(channel, Bytes("one"), delta, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("two"), delta, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("three"), WithHistory(), Ct);

        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 3);
        Assert.True(delivered[0].UseDelta);
        Assert.Null(delivered[0].Previous);
        Assert.True(delivered[1].UseDelta);
        Assert.NotNull(delivered[1].Previous);
        Assert.Equal(Bytes("one"), delivered[1].Previous!.Data);
        Assert.Equal(1UL, delivered[1].Previous!.Offset);
        Assert.Equal(Bytes("two"), delivered[1].Publication.Data);
        Assert.False(delivered[2].UseDelta);
        Assert.Null(delivered[2].Previous);
    }

    [Fact]
    public async Task Publish_Concurrently_GivesEveryPublicationItsOwnOffsetAndDeliversInOffsetOrder()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        const int count = 200;

        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(async () =>
            await Node.Broker.PublishAsync(channel, Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), WithHistory(size: count), Ct), Ct)));

        Assert.Equal(Enumerable.Range(1, count).Select(i => (ulong)i), results.Select(r => r.Position.Offset).Order());
        Assert.Single(results.Select(r => r.Position.Epoch).Distinct());
        var delivered = await Node.Events.WaitForPublicationsAsync(channel, count);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (ulong)i), delivered.Select(p => p.Publication.Offset));
    }
}
