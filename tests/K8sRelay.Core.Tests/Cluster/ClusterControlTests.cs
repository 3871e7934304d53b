using System.Text;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Cluster;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Testing.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Cluster;

/// <summary>
/// Nodes linked by a control bus that spans them: they list each other in <c>info</c>, drop a node that went
/// silent or said it leaves, apply server API commands wherever the connections live, answer <c>channels</c>
/// together, and forward emulation frames.
/// </summary>
public sealed class ClusterControlTests : IAsyncDisposable
{
    private static readonly ClusterOptions Options = new() { NodeInfoInterval = TimeSpan.FromSeconds(3), SurveyTimeout = TimeSpan.FromSeconds(5) };
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ControlNetwork _network = new();
    private readonly List<RelayNode> _nodes = [];
    private uint _nextId;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoNodes_ListEachOtherInInfo_AndCountTwoNodes()
    {
        var a = StartNode();
        var b = StartNode();

        await WaitForAsync(() => a.Cluster.NodeCount == 2 && b.Cluster.NodeCount == 2);

        var fromA = await a.NodesAsync(TestContext.Current.CancellationToken);
        Assert.Equal([a.Id, b.Id], fromA.Select(n => n.Id));
        var fromB = await b.NodesAsync(TestContext.Current.CancellationToken);
        Assert.Equal([b.Id, a.Id], fromB.Select(n => n.Id));
    }

    [Fact]
    public async Task Heartbeat_CarriesTheOtherNodesCurrentCounts()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        await ConnectAsync(b, "7");

        await AdvanceAsync(TimeSpan.FromSeconds(3));

        var infoOfB = (await a.NodesAsync(TestContext.Current.CancellationToken)).Single(n => n.Id == b.Id);
        Assert.Equal(1, infoOfB.NumClients);
        Assert.Equal(1, infoOfB.NumUsers);
    }

    [Fact]
    public async Task SilentNode_IsDroppedAfterTwoIntervalsAndASecond()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);

        _network.Cut(b.Id);
        await b.Cluster.DisposeAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(6));
        Assert.Equal(2, a.Cluster.NodeCount);
        await AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(1, a.Cluster.NodeCount);
        Assert.Equal([a.Id], (await a.NodesAsync(TestContext.Current.CancellationToken)).Select(n => n.Id));
    }

    [Fact]
    public async Task LeavingNode_IsDroppedAtOnce()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);

        await b.Cluster.LeaveAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, a.Cluster.NodeCount);
    }

    [Fact]
    public async Task ApiDisconnect_OnOneNode_ClosesTheUsersConnectionsOnEveryNode_ExceptTheWhitelisted()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        var (_, onA) = await ConnectAsync(a, "7");
        var (keptClient, kept) = await ConnectAsync(b, "7");
        var (_, onB) = await ConnectAsync(b, "7");
        var (_, otherUser) = await ConnectAsync(b, "8");

        await a.ApplyAsync(
            new UserCommand { Kind = UserCommandKind.Disconnect, User = "7", DisconnectReason = new DisconnectReason(4001, "moved"), Whitelist = [keptClient.ClientId] },
            TestContext.Current.CancellationToken);

        Assert.Equal(4001u, (await onA.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
        Assert.Equal(4001u, (await onB.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
        Assert.False(kept.Closed.IsCompleted);
        Assert.False(otherUser.Closed.IsCompleted);
        Assert.Equal(2, b.Hub.ClientCount);
    }

    [Fact]
    public async Task ApiUnsubscribe_ReachesTheOtherNode()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        var (client, transport) = await ConnectAsync(b, "7");
        await SubscribeAsync(client, transport, "open:room");

        await a.ApplyAsync(new UserCommand { Kind = UserCommandKind.Unsubscribe, User = "7", Channel = "open:room" }, TestContext.Current.CancellationToken);

        var push = await transport.WaitForReplyAsync(r => r.Push?.Unsubscribe is not null);
        Assert.Equal("open:room", push.Push.Channel);
        Assert.Empty(client.Channels);
    }

    [Fact]
    public async Task ApiSubscribe_OnOneNode_SubscribesTheUsersConnectionOnTheOtherNode()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        var (client, transport) = await ConnectAsync(b, "7");

        await a.ApplyAsync(new UserCommand { Kind = UserCommandKind.Subscribe, User = "7", Channel = "open:pushed" }, TestContext.Current.CancellationToken);

        var push = await transport.WaitForReplyAsync(r => r.Push?.Subscribe is not null);
        Assert.Equal("open:pushed", push.Push.Channel);
        Assert.Equal(["open:pushed"], client.Channels);
        Assert.Equal(1, b.Hub.SubscriberCount("open:pushed"));
    }

    [Fact]
    public async Task ApiRefreshExpired_OnOneNode_ExpiresTheConnectionOnTheOtherNode()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        var (_, transport) = await ConnectAsync(b, "7");

        await a.ApplyAsync(new UserCommand { Kind = UserCommandKind.Refresh, User = "7", Expired = true }, TestContext.Current.CancellationToken);

        Assert.Equal(3005u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }

    [Fact]
    public async Task Channels_SumsSubscribersOverEveryNode()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2 && b.Cluster.NodeCount == 2);
        var (c1, t1) = await ConnectAsync(a, "1");
        await SubscribeAsync(c1, t1, "open:shared");
        var (c2, t2) = await ConnectAsync(b, "2");
        await SubscribeAsync(c2, t2, "open:shared");
        var (c3, t3) = await ConnectAsync(b, "3");
        await SubscribeAsync(c3, t3, "open:only-b");

        var channels = await a.ActiveChannelsAsync(null, TestContext.Current.CancellationToken);

        Assert.Equal(2, channels["open:shared"]);
        Assert.Equal(1, channels["open:only-b"]);
        Assert.Equal(2, channels.Count);
    }

    [Fact]
    public async Task Channels_WhenANodeDoesNotAnswer_AnswersWithTheOthersAfterTheTimeout()
    {
        var a = StartNode();
        var (c1, t1) = await ConnectAsync(a, "1");
        await SubscribeAsync(c1, t1, "open:mine");

        // A node that sends heartbeats but never answers surveys (hung, or an older build).
        _network.Listen("mute-node", _ => ValueTask.CompletedTask);
        var heartbeat = Encoding.UTF8.GetBytes("""{"kind":"node","from":"mute-node","node":{"id":"mute-node","name":"mute","version":"0","num_clients":0,"num_users":0,"num_channels":0,"num_subscriptions":0,"uptime_seconds":1}}""");
        await _network.SendAsync(heartbeat, null);
        Assert.Equal(2, a.Cluster.NodeCount);

        var asking = a.ActiveChannelsAsync(null, TestContext.Current.CancellationToken).AsTask();
        Assert.False(asking.IsCompleted);
        await AdvanceAsync(TimeSpan.FromSeconds(5));
        var channels = await asking.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(1, channels["open:mine"]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"kind":"command","from":"x"}""")]
    [InlineData("""{"kind":"no-such-kind","from":"x"}""")]
    [InlineData("""{"kind":"command","from":"x","command":{"kind":"Disconnect"}}""")]
    public async Task MalformedControlMessages_AreDropped_AndTheNodeKeepsWorking(string payload)
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.NodeCount == 2);
        var (_, transport) = await ConnectAsync(b, "7");

        await _network.SendAsync(Encoding.UTF8.GetBytes(payload), null);
        Assert.False(transport.Closed.IsCompleted);
        await a.ApplyAsync(new UserCommand { Kind = UserCommandKind.Disconnect, User = "7" }, TestContext.Current.CancellationToken);

        Assert.Equal(3503u, (await transport.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Code);
    }

    [Fact]
    public async Task EmulationFrame_ForwardedToTheNodeHoldingTheSession()
    {
        var a = StartNode();
        var b = StartNode();
        await WaitForAsync(() => a.Cluster.KnowsNode(b.Id));
        var received = new TaskCompletionSource<(string, byte[])>();
        b.Cluster.EmulationReceiver = (session, data) =>
        {
            received.TrySetResult((session, data));
            return ValueTask.CompletedTask;
        };

        await a.Cluster.ForwardEmulationAsync(b.Id, "session-1", [1, 2, 3], TestContext.Current.CancellationToken);

        var (session, frame) = await received.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal("session-1", session);
        Assert.Equal([1, 2, 3], frame);
        Assert.False(a.Cluster.KnowsNode("node-that-never-was"));
    }

    [Fact]
    public async Task MemoryEngine_RunsNoClusterTraffic()
    {
        var node = TestNodes.Create(Namespaces, _time);
        _nodes.Add(node);

        node.StartCluster();

        Assert.False(node.Cluster.IsRunning);
        Assert.Null(node.CommandRelay);
        Assert.Equal(1, node.Cluster.NodeCount);
        Assert.Single(await node.NodesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeliveryRestored_ResubscribesOnlySubscriptionsThatMissedPublications()
    {
        var broker = new MutableDeliveryBroker(_time);
        var node = TestNodes.Create(Namespaces, _time, broker: broker);
        _nodes.Add(node);
        var (client, transport) = await ConnectAsync(node, "7");
        await SubscribeAsync(client, transport, "rec:missed");
        await SubscribeAsync(client, transport, "rec:quiet");

        broker.Muted = true;
        Assert.True(node.Channels.TryResolve("rec:missed", out var ns));
        await node.PublishAsync("rec:missed", ns, "{}"u8.ToArray(), new PublishRequestOptions(), TestContext.Current.CancellationToken);
        broker.Muted = false;
        await node.HandleDeliveryRestoredAsync(["rec:missed", "rec:quiet"]);

        var push = await transport.WaitForReplyAsync(r => r.Push?.Unsubscribe is not null);
        Assert.Equal("rec:missed", push.Push.Channel);
        Assert.Equal(2500u, push.Push.Unsubscribe.Code);
        Assert.Equal(["rec:quiet"], client.Channels);
    }

    private static void Namespaces(RelayConfig config)
    {
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "open", AllowSubscribeForClient = true });
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "rec", AllowSubscribeForClient = true, HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(1), ForceRecovery = true,
        });
    }

    private RelayNode StartNode()
    {
        var node = TestNodes.Create(Namespaces, _time, controlBus: _network.Join(), cluster: Options);
        _nodes.Add(node);
        node.StartCluster();
        return node;
    }

    private async Task<(ClientConnection Client, FakeTransport Transport)> ConnectAsync(RelayNode node, string user)
    {
        var transport = new FakeTransport();
        var client = new ClientConnection(node, transport, ConnectionRequestInfo.Empty);
        var token = TestNodes.Tokens(_time).CreateConnectionToken(user, TimeSpan.FromHours(1));
        await SendAsync(client, new Command { Connect = new ConnectRequest { Token = token } });
        await transport.WaitForReplyAsync(r => r.Connect is not null);
        return (client, transport);
    }

    private async Task SubscribeAsync(ClientConnection client, FakeTransport transport, string channel)
    {
        var id = await SendAsync(client, new Command { Subscribe = new SubscribeRequest { Channel = channel } });
        var reply = await transport.WaitForReplyAsync(r => r.Id == id);
        Assert.Null(reply.Error);
    }

    private async Task<uint> SendAsync(ClientConnection client, Command command)
    {
        command.Id = ++_nextId;
        await client.HandleFrameAsync(ClientCodecs.ClientSideFor(ProtocolType.Json).EncodeCommand(command));
        return command.Id;
    }

    /// <summary>Moves the fake clock in half-second steps, letting the heartbeat loops run between steps.</summary>
    private async Task AdvanceAsync(TimeSpan span)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMilliseconds(500))
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}
