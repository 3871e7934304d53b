using K8sRelay.Core.Engines;
using K8sRelay.Protocol;

namespace K8sRelay.Testing.Engines;

/// <summary>
/// Every broker, history, presence and recovery scenario an engine (broker + presence manager) must pass,
/// written once and inherited by one test class per engine and topology. History scenarios live here,
/// presence and recovery scenarios in the partial files next to it.
/// </summary>
public abstract partial class EngineConformanceTests : BrokerConformanceTests
{
    /// <summary>
    /// Moves the engine's clock forward by <paramref name="by"/>: every TTL (history, meta, idempotency,
    /// presence) must behave as if that much time passed.
    /// </summary>
    protected abstract ValueTask AdvanceTimeAsync(TimeSpan by);

    /// <summary>Options for a publication kept in history.</summary>
    protected static PublishOptions WithHistory(int size = 10, TimeSpan? ttl = null, TimeSpan? metaTtl = null) => new()
    {
        HistorySize = size,
        HistoryTtl = ttl ?? TimeSpan.FromMinutes(5),
        HistoryMetaTtl = metaTtl ?? TimeSpan.Zero,
    };

    /// <summary>Reads history with a filter.</summary>
    protected static ValueTask<HistoryResult> HistoryAsync(EngineNode node, string channel, int limit, StreamPosition? since = null, bool reverse = false) =>
        node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(since, limit, reverse)), Ct);

    /// <summary>Publishes "1".."<paramref name="count"/>" with history and returns the last result.</summary>
    protected static async Task<PublishResult> PublishNumbersAsync(EngineNode node, string channel, int count, PublishOptions? options = null)
    {
        PublishResult last = default;
        for (var i = 1; i <= count; i++)
        {
            last = await node.Broker.PublishAsync(channel, Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), options ?? WithHistory(), Ct);
        }

        return last;
    }

    private static List<ulong> Offsets(HistoryResult result) => result.Publications.Select(p => p.Offset).ToList();

    [Fact]
    public async Task Publish_WithHistory_GivesOffsetsFromOneInOneEpoch()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);

        var first = await Node.Broker.PublishAsync(channel, Bytes("a"), WithHistory(), Ct);
        var second = await Node.Broker.PublishAsync(channel, Bytes("b"), WithHistory(), Ct);
        var third = await Node.Broker.PublishAsync(channel, Bytes("c"), WithHistory(), Ct);

        Assert.Equal([1UL, 2UL, 3UL], new[] { first.Position.Offset, second.Position.Offset, third.Position.Offset });
        Assert.NotEmpty(first.Position.Epoch);
        Assert.Equal(first.Position.Epoch, third.Position.Epoch);
        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 3);
        Assert.Equal([1UL, 2UL, 3UL], delivered.Select(p => p.Publication.Offset));
        Assert.Equal(third.Position, delivered[2].Position);
        Assert.All(delivered, p => Assert.True(p.Publication.Time > 0));
    }

    [Fact]
    public async Task History_LimitZero_ReturnsOnlyThePosition()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 3);

        var result = await HistoryAsync(Node, channel, limit: 0);

        Assert.Empty(result.Publications);
        Assert.Equal(last.Position, result.Position);
    }

    [Fact]
    public async Task History_LimitMinusOne_ReturnsEverythingOldestFirst()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 5);

        var result = await HistoryAsync(Node, channel, limit: -1);

        Assert.Equal([1UL, 2UL, 3UL, 4UL, 5UL], Offsets(result));
        Assert.Equal("3", System.Text.Encoding.UTF8.GetString(result.Publications[2].Data));
        Assert.Equal(5UL, result.Position.Offset);
    }

    [Fact]
    public async Task History_PositiveLimit_ReturnsTheOldest()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 5);

        Assert.Equal([1UL, 2UL], Offsets(await HistoryAsync(Node, channel, limit: 2)));
    }

    [Fact]
    public async Task History_Reverse_ReturnsNewestFirst()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 5);

        Assert.Equal([5UL, 4UL, 3UL, 2UL, 1UL], Offsets(await HistoryAsync(Node, channel, limit: -1, reverse: true)));
        Assert.Equal([5UL, 4UL], Offsets(await HistoryAsync(Node, channel, limit: 2, reverse: true)));
    }

    [Fact]
    public async Task History_Since_ReturnsLaterPublicationsOldestFirst()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 5);
        var since = new StreamPosition(2, last.Position.Epoch);

        Assert.Equal([3UL, 4UL, 5UL], Offsets(await HistoryAsync(Node, channel, limit: -1, since)));
        Assert.Equal([3UL, 4UL], Offsets(await HistoryAsync(Node, channel, limit: 2, since)));
    }

    [Fact]
    public async Task History_SinceReversed_ReturnsEarlierPublicationsNewestFirst()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 5);
        var since = new StreamPosition(4, last.Position.Epoch);

        Assert.Equal([3UL, 2UL, 1UL], Offsets(await HistoryAsync(Node, channel, limit: -1, since, reverse: true)));
        Assert.Equal([3UL, 2UL], Offsets(await HistoryAsync(Node, channel, limit: 2, since, reverse: true)));
    }

    [Fact]
    public async Task History_SinceTheTop_ReturnsNothing()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 3);

        var result = await HistoryAsync(Node, channel, limit: -1, last.Position);

        Assert.Empty(result.Publications);
        Assert.Equal(last.Position, result.Position);
    }

    [Fact]
    public async Task History_SinceAnotherEpoch_ThrowsUnrecoverablePosition()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 3);

        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () =>
            await HistoryAsync(Node, channel, limit: -1, new StreamPosition(1, "otherepo")));

        Assert.Equal(ErrorCodes.UnrecoverablePosition, error.Error.Code);
    }

    [Fact]
    public async Task History_SinceWithEmptyEpoch_MatchesTheCurrentEpoch()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 3);

        var result = await HistoryAsync(Node, channel, limit: -1, new StreamPosition(1, string.Empty));

        Assert.Equal([2UL, 3UL], Offsets(result));
    }

    [Fact]
    public async Task History_OfNewChannel_CreatesAnEpochThatTheFirstPublicationKeeps()
    {
        var channel = NewChannel();

        var empty = await HistoryAsync(Node, channel, limit: -1);
        var again = await HistoryAsync(Node, channel, limit: -1);
        var published = await Node.Broker.PublishAsync(channel, Bytes("a"), WithHistory(), Ct);

        Assert.Empty(empty.Publications);
        Assert.Equal(0UL, empty.Position.Offset);
        Assert.NotEmpty(empty.Position.Epoch);
        Assert.Equal(empty.Position, again.Position);
        Assert.Equal(new StreamPosition(1, empty.Position.Epoch), published.Position);
    }

    [Fact]
    public async Task History_Size_KeepsOnlyTheNewest()
    {
        var channel = NewChannel();
        await PublishNumbersAsync(Node, channel, 5, WithHistory(size: 3));

        var result = await HistoryAsync(Node, channel, limit: -1);

        Assert.Equal([3UL, 4UL, 5UL], Offsets(result));
        Assert.Equal(5UL, result.Position.Offset);
    }

    [Fact]
    public async Task History_SinceAnOffsetAlreadyTrimmed_ReturnsWhatIsLeft()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 6, WithHistory(size: 3));

        var result = await HistoryAsync(Node, channel, limit: -1, new StreamPosition(1, last.Position.Epoch));

        Assert.Equal([4UL, 5UL, 6UL], Offsets(result));
    }

    [Fact]
    public async Task History_AfterTtl_IsEmptyButKeepsPositionAndEpoch()
    {
        var channel = NewChannel();
        var options = WithHistory(ttl: TimeSpan.FromMinutes(1), metaTtl: TimeSpan.FromHours(1));
        var last = await PublishNumbersAsync(Node, channel, 3, options);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(61));
        var result = await HistoryAsync(Node, channel, limit: -1);
        var next = await Node.Broker.PublishAsync(channel, Bytes("4"), options, Ct);

        Assert.Empty(result.Publications);
        Assert.Equal(last.Position, result.Position);
        Assert.Equal(new StreamPosition(4, last.Position.Epoch), next.Position);
        Assert.Equal([4UL], Offsets(await HistoryAsync(Node, channel, limit: -1)));
    }

    [Fact]
    public async Task History_Ttl_CountsFromTheLastPublication()
    {
        var channel = NewChannel();
        var options = WithHistory(ttl: TimeSpan.FromMinutes(1), metaTtl: TimeSpan.FromHours(1));
        await Node.Broker.PublishAsync(channel, Bytes("1"), options, Ct);

        await AdvanceTimeAsync(TimeSpan.FromSeconds(40));
        await Node.Broker.PublishAsync(channel, Bytes("2"), options, Ct);
        await AdvanceTimeAsync(TimeSpan.FromSeconds(40));

        Assert.Equal([1UL, 2UL], Offsets(await HistoryAsync(Node, channel, limit: -1)));
    }

    [Fact]
    public async Task History_AfterMetaTtl_StartsANewEpochFromOffsetOne()
    {
        var channel = NewChannel();
        var options = WithHistory(ttl: TimeSpan.FromMinutes(1), metaTtl: TimeSpan.FromMinutes(10));
        var old = await PublishNumbersAsync(Node, channel, 3, options);

        await AdvanceTimeAsync(TimeSpan.FromMinutes(11));
        var fresh = await Node.Broker.PublishAsync(channel, Bytes("new"), options, Ct);

        Assert.Equal(1UL, fresh.Position.Offset);
        Assert.NotEqual(old.Position.Epoch, fresh.Position.Epoch);
        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await HistoryAsync(Node, channel, limit: -1, old.Position));
        Assert.Equal(ErrorCodes.UnrecoverablePosition, error.Error.Code);
    }

    [Fact]
    public async Task RemoveHistory_DropsPublicationsButKeepsThePosition()
    {
        var channel = NewChannel();
        var last = await PublishNumbersAsync(Node, channel, 3);

        await Node.Broker.RemoveHistoryAsync(channel, Ct);
        var result = await HistoryAsync(Node, channel, limit: -1);
        var next = await Node.Broker.PublishAsync(channel, Bytes("4"), WithHistory(), Ct);

        Assert.Empty(result.Publications);
        Assert.Equal(last.Position, result.Position);
        Assert.Equal(new StreamPosition(4, last.Position.Epoch), next.Position);
    }

    [Fact]
    public async Task Publish_SkippingHistory_IsDeliveredButNotStored()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var last = await PublishNumbersAsync(Node, channel, 2);

        var skipped = await Node.Broker.PublishAsync(channel, Bytes("skip"), WithHistory() with { SkipHistory = true }, Ct);

        Assert.Equal(0UL, skipped.Position.Offset);
        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 3);
        Assert.Equal("skip", delivered[2].Text);
        var result = await HistoryAsync(Node, channel, limit: -1);
        Assert.Equal([1UL, 2UL], Offsets(result));
        Assert.Equal(last.Position, result.Position);
    }
}
