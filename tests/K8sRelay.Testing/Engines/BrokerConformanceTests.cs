using System.Text;
using K8sRelay.Core.Engines;

namespace K8sRelay.Testing.Engines;

/// <summary>
/// Publish/subscribe scenarios every <see cref="IBroker"/> must pass, written once. A test class per engine
/// (and per topology) inherits this and supplies <see cref="CreateNodeAsync"/>. Each test gets fresh nodes and
/// unique channel names, so engines may share one server between tests.
/// </summary>
/// <remarks>
/// Absence of a delivery is proven with a marker, never with a pause: after the step that must not deliver,
/// the test subscribes, publishes a marker into the same channel and waits for it; a broker delivers one
/// channel's publications in order, so anything wrongly delivered would have arrived before the marker.
/// </remarks>
public abstract class BrokerConformanceTests : IAsyncLifetime
{
    private readonly List<EngineNode> _nodes = [];

    /// <summary>The first node, created before each test.</summary>
    protected EngineNode Node { get; private set; } = null!;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Options for a publication without history.</summary>
    protected static PublishOptions NoHistory { get; } = new();

    /// <summary>Creates one more node on the engine under test.</summary>
    protected abstract ValueTask<EngineNode> CreateNodeAsync();

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync() => Node = await AddNodeAsync();

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a node that is disposed after the test.</summary>
    protected async Task<EngineNode> AddNodeAsync()
    {
        var node = await CreateNodeAsync();
        _nodes.Add(node);
        return node;
    }

    /// <summary>A channel name unique to this test run.</summary>
    protected static string NewChannel(string name = "ch") => $"{name}-{Guid.NewGuid():N}";

    /// <summary>UTF-8 bytes of <paramref name="text"/>.</summary>
    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// Subscribes <paramref name="node"/> to <paramref name="channel"/>, publishes a marker there through
    /// <paramref name="publisher"/> (default: the node itself), waits for it, unsubscribes again and returns
    /// what the node had received in the channel before the marker.
    /// </summary>
    protected static async Task<IReadOnlyList<RecordedPublication>> DeliveredBeforeMarkerAsync(EngineNode node, string channel, EngineNode? publisher = null)
    {
        var marker = $"marker-{Guid.NewGuid():N}";
        await node.Broker.SubscribeAsync(channel, Ct);
        await (publisher ?? node).Broker.PublishAsync(channel, Bytes(marker), NoHistory, Ct);
        await node.Events.Publications.WaitForAsync(p => p.Channel == channel && p.Text == marker, 1, "marker " + marker);
        await node.Broker.UnsubscribeAsync(channel, Ct);
        return node.Events.PublicationsIn(channel).TakeWhile(p => p.Text != marker).ToList();
    }

    [Fact]
    public async Task Publish_ToSubscribedChannel_IsDeliveredWithPayload()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);

        await Node.Broker.PublishAsync(channel, Bytes("{\"a\":1}"), NoHistory, Ct);

        var received = await Node.Events.WaitForPublicationsAsync(channel, 1);
        Assert.Equal("{\"a\":1}", received[0].Text);
    }

    [Fact]
    public async Task Publish_WithoutHistory_HasNoStreamPosition()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);

        var result = await Node.Broker.PublishAsync(channel, Bytes("x"), NoHistory, Ct);

        Assert.Equal(new StreamPosition(0, string.Empty), result.Position);
        Assert.False(result.Suppressed);
        var received = (await Node.Events.WaitForPublicationsAsync(channel, 1))[0];
        Assert.Equal(0UL, received.Publication.Offset);
        Assert.Equal(string.Empty, received.Position.Epoch);
        Assert.Null(received.Previous);
    }

    [Fact]
    public async Task Publish_CarriesPublisherInfoAndTags()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var info = new ClientInfo("user-1", "client-1", Bytes("{\"name\":\"a\"}"), Bytes("{\"role\":\"b\"}"));
        var options = new PublishOptions { ClientInfo = info, Tags = new Dictionary<string, string> { ["k"] = "v" } };

        await Node.Broker.PublishAsync(channel, Bytes("x"), options, Ct);

        var publication = (await Node.Events.WaitForPublicationsAsync(channel, 1))[0].Publication;
        Assert.NotNull(publication.Info);
        Assert.Equal("user-1", publication.Info.User);
        Assert.Equal("client-1", publication.Info.Client);
        Assert.Equal(Bytes("{\"name\":\"a\"}"), publication.Info.ConnInfo);
        Assert.Equal(Bytes("{\"role\":\"b\"}"), publication.Info.ChanInfo);
        Assert.NotNull(publication.Tags);
        Assert.Equal("v", publication.Tags["k"]);
    }

    [Fact]
    public async Task Publish_ToChannelNobodySubscribed_IsNotDelivered()
    {
        var channel = NewChannel();

        await Node.Broker.PublishAsync(channel, Bytes("lost"), NoHistory, Ct);

        Assert.Empty(await DeliveredBeforeMarkerAsync(Node, channel));
    }

    [Fact]
    public async Task Unsubscribe_StopsDelivery()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("first"), NoHistory, Ct);
        await Node.Events.WaitForPublicationsAsync(channel, 1);

        await Node.Broker.UnsubscribeAsync(channel, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("second"), NoHistory, Ct);

        var before = await DeliveredBeforeMarkerAsync(Node, channel);
        Assert.Equal(["first"], before.Select(p => p.Text));
    }

    [Fact]
    public async Task Subscribe_IsCounted_DeliveryStopsAfterAsManyUnsubscribes()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        await Node.Broker.SubscribeAsync(channel, Ct);

        await Node.Broker.UnsubscribeAsync(channel, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("still"), NoHistory, Ct);
        await Node.Events.WaitForPublicationsAsync(channel, 1);
        await Node.Broker.UnsubscribeAsync(channel, Ct);
        await Node.Broker.PublishAsync(channel, Bytes("gone"), NoHistory, Ct);

        var before = await DeliveredBeforeMarkerAsync(Node, channel);
        Assert.Equal(["still"], before.Select(p => p.Text));
    }

    [Fact]
    public async Task Publications_OfOneChannel_ArriveInPublishOrder()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);

        for (var i = 0; i < 50; i++)
        {
            await Node.Broker.PublishAsync(channel, Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), NoHistory, Ct);
        }

        var received = await Node.Events.WaitForPublicationsAsync(channel, 50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), received.Select(p => p.Text));
    }

    [Fact]
    public async Task JoinAndLeave_AreDeliveredToSubscribedChannel()
    {
        var channel = NewChannel();
        await Node.Broker.SubscribeAsync(channel, Ct);
        var info = new ClientInfo("u1", "c1", Bytes("{}"));

        await Node.Broker.PublishJoinAsync(channel, info, Ct);
        await Node.Broker.PublishLeaveAsync(channel, info, Ct);

        var events = await Node.Events.PresenceEvents.WaitForAsync(e => e.Channel == channel, 2, "join/leave");
        Assert.True(events[0].IsJoin);
        Assert.False(events[1].IsJoin);
        Assert.Equal("u1", events[0].Info.User);
        Assert.Equal("c1", events[1].Info.Client);
        Assert.Equal(Bytes("{}"), events[0].Info.ConnInfo);
    }

    [Fact]
    public async Task Join_ToChannelNobodySubscribed_IsNotDelivered()
    {
        var channel = NewChannel();
        await Node.Broker.PublishJoinAsync(channel, new ClientInfo("u1", "c1"), Ct);

        await Node.Broker.SubscribeAsync(channel, Ct);
        await Node.Broker.PublishJoinAsync(channel, new ClientInfo("u2", "c2"), Ct);

        var events = await Node.Events.PresenceEvents.WaitForAsync(e => e.Channel == channel, 1, "join");
        Assert.Equal("u2", Assert.Single(events).Info.User);
    }

    [Fact]
    public async Task ControlMessage_Broadcast_ReachesThisNode()
    {
        await Node.ControlBus.PublishControlAsync([1, 2, 3], null, Ct);

        var received = await Node.ControlMessages.WaitForAsync(m => m.Length == 3, 1, "control message");
        Assert.Equal(new byte[] { 1, 2, 3 }, received[0]);
    }

    [Fact]
    public async Task ControlMessage_ToThisNode_Arrives_ToUnknownNode_DoesNot()
    {
        await Node.ControlBus.PublishControlAsync([9], "no-such-node", Ct);
        await Node.ControlBus.PublishControlAsync([7], Node.NodeId, Ct);
        await Node.ControlBus.PublishControlAsync([8], null, Ct);

        await Node.ControlMessages.WaitForAsync(m => m.SequenceEqual(new byte[] { 8 }), 1, "broadcast control message");
        await Node.ControlMessages.WaitForAsync(m => m.SequenceEqual(new byte[] { 7 }), 1, "addressed control message");
        Assert.DoesNotContain(Node.ControlMessages.Snapshot(), m => m.SequenceEqual(new byte[] { 9 }));
    }
}
