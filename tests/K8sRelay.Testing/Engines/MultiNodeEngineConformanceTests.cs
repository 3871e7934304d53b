using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>
/// Scenarios with two nodes sharing one engine, for engines that span nodes (Redis). Every single-node
/// scenario of <see cref="EngineConformanceTests"/> runs as well.
/// </summary>
public abstract class MultiNodeEngineConformanceTests : EngineConformanceTests
{
    /// <summary>The second node, created before each test.</summary>
    protected EngineNode Other { get; private set; } = null!;

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Other = await AddNodeAsync();
    }

    [Fact]
    public async Task TwoNodes_PublicationFromOneNode_ReachesTheOtherNode()
    {
        var channel = NewChannel();
        await Other.Broker.SubscribeAsync(channel, Ct);

        var result = await Node.Broker.PublishAsync(channel, Bytes("hello"), WithHistory(), Ct);

        var received = (await Other.Events.WaitForPublicationsAsync(channel, 1))[0];
        Assert.Equal("hello", received.Text);
        Assert.Equal(result.Position, received.Position);
        Assert.Equal(result.Position.Offset, received.Publication.Offset);
        Assert.Empty(await DeliveredBeforeMarkerAsync(Node, channel, publisher: Other));
    }

    [Fact]
    public async Task TwoNodes_BothSubscribed_BothReceiveEveryPublicationInOrder()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        await Other.Broker.SubscribeAsync(channel, Ct);

        await PublishNumbersAsync(Other, channel, 20);

        var first = await Node.Events.WaitForPublicationsAsync(channel, 20);
        var second = await Other.Events.WaitForPublicationsAsync(channel, 20);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), first.Select(p => p.Publication.Offset));
        Assert.Equal(first.Select(p => p.Position), second.Select(p => p.Position));
    }

    [Fact]
    public async Task TwoNodes_PublishingConcurrently_ShareOneStream()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);

        await Task.WhenAll(PublishNumbersAsync(Node, channel, 30), PublishNumbersAsync(Other, channel, 30));

        var delivered = await Node.Events.WaitForPublicationsAsync(channel, 60);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (ulong)i), delivered.Select(p => p.Publication.Offset));
        Assert.Single(delivered.Select(p => p.Position.Epoch).Distinct());
    }

    [Fact]
    public async Task TwoNodes_JoinAndLeave_ReachTheOtherNode()
    {
        var channel = NewChannel();
        await Other.Broker.SubscribeAsync(channel, Ct);

        await Node.Broker.PublishJoinAsync(channel, new ClientInfo("u1", "c1"), Ct);
        await Node.Broker.PublishLeaveAsync(channel, new ClientInfo("u1", "c1"), Ct);

        var events = await Other.Events.PresenceEvents.WaitForAsync(e => e.Channel == channel, 2, "join/leave");
        Assert.Equal([true, false], events.Select(e => e.IsJoin));
    }

    [Fact]
    public async Task TwoNodes_SeeTheSamePresence()
    {
        var channel = NewChannel();
        await Node.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);
        await Other.Presence.AddPresenceAsync(channel, "c2", new ClientInfo("u2", "c2"), Ct);

        Assert.Equal(["c1", "c2"], (await Node.Presence.PresenceAsync(channel, Ct)).Keys.Order());
        Assert.Equal(new PresenceStats(2, 2), await Other.Presence.PresenceStatsAsync(channel, Ct));

        await Other.Presence.RemovePresenceAsync(channel, "c1", "u1", Ct);
        Assert.Equal(["c2"], (await Node.Presence.PresenceAsync(channel, Ct)).Keys);
    }

    [Fact]
    public async Task TwoNodes_SeeTheSameHistoryAndEpoch()
    {
        var channel = NewChannel();
        var top = await PublishNumbersAsync(Node, channel, 3);

        var fromOther = await HistoryAsync(Other, channel, limit: -1);
        var recovered = await HistoryAsync(Other, channel, limit: -1, new StreamPosition(1, top.Position.Epoch));

        Assert.Equal(top.Position, fromOther.Position);
        Assert.Equal([1UL, 2UL, 3UL], fromOther.Publications.Select(p => p.Offset));
        Assert.Equal([2UL, 3UL], recovered.Publications.Select(p => p.Offset));
    }

    [Fact]
    public async Task TwoNodes_IdempotencyKey_IsHonouredAcrossNodes()
    {
        var channel = NewChannel();
        var options = WithHistory() with { IdempotencyKey = "shared-key" };

        var first = await Node.Broker.PublishAsync(channel, Bytes("a"), options, Ct);
        var repeated = await Other.Broker.PublishAsync(channel, Bytes("a"), options, Ct);

        Assert.True(repeated.Suppressed);
        Assert.Equal(first.Position, repeated.Position);
    }

    [Fact]
    public async Task TwoNodes_ControlBroadcast_ReachesBoth_AddressedMessage_ReachesOnlyItsNode()
    {
        await Node.ControlBus.PublishControlAsync([5], Other.NodeId, Ct);
        await Node.ControlBus.PublishControlAsync([6], null, Ct);

        await Other.ControlMessages.WaitForAsync(m => m.SequenceEqual(new byte[] { 5 }), 1, "addressed control message");
        await Other.ControlMessages.WaitForAsync(m => m.SequenceEqual(new byte[] { 6 }), 1, "broadcast on the other node");
        await Node.ControlMessages.WaitForAsync(m => m.SequenceEqual(new byte[] { 6 }), 1, "broadcast on the sending node");
        Assert.DoesNotContain(Node.ControlMessages.Snapshot(), m => m.SequenceEqual(new byte[] { 5 }));
    }
}
