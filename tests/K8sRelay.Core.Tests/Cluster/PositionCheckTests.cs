using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Codecs;
using K8sRelay.Protocol.Messages;
using K8sRelay.Testing.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Cluster;

/// <summary>
/// The periodic stream position check: a subscription whose publications never arrived (delivery dropped while
/// history kept them) is found and recovers (2500); one that is only waiting for a publication in flight is left
/// alone.
/// </summary>
public sealed class PositionCheckTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly MutableDeliveryBroker _broker;
    private readonly RelayNode _node;
    private uint _nextId;

    public PositionCheckTests()
    {
        _broker = new MutableDeliveryBroker(_time);
        _node = TestNodes.Create(
            config =>
            {
                config.Channel.Namespaces.Add(new ChannelNamespaceConfig
                {
                    Name = "rec", AllowSubscribeForClient = true, HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(1), ForceRecovery = true,
                });
                config.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "open", AllowSubscribeForClient = true });
                config.Client.ChannelPositionCheckDelay = TimeSpan.FromSeconds(40);

                // The fake transport never answers pings; keep them out of the checked minute.
                config.Client.PingInterval = TimeSpan.FromMinutes(10);
            },
            _time,
            broker: _broker);
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task MissedPublication_FoundAfterTheRecheck_SubscriptionRecovers()
    {
        var (client, transport) = await ConnectAndSubscribeAsync("rec:a", "rec:b", "open:c");
        await PublishMissedAsync("rec:a");

        var checking = _node.CheckPositionsAsync(TestContext.Current.CancellationToken);
        Assert.False(checking.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, await checking.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        var push = await transport.WaitForReplyAsync(r => r.Push?.Unsubscribe is not null);
        Assert.Equal("rec:a", push.Push.Channel);
        Assert.Equal(2500u, push.Push.Unsubscribe.Code);
        Assert.Equal(["open:c", "rec:b"], client.Channels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublicationInFlight_ArrivesBeforeTheRecheck_NothingHappens()
    {
        var (client, _) = await ConnectAndSubscribeAsync("rec:a");
        await PublishMissedAsync("rec:a");

        var checking = _node.CheckPositionsAsync(TestContext.Current.CancellationToken);
        var history = await _broker.HistoryAsync("rec:a", new Engines.HistoryOptions(new Engines.HistoryFilter(null, 10, false)), TestContext.Current.CancellationToken);
        var late = Assert.Single(history.Publications);
        await _node.HandlePublicationAsync("rec:a", late, history.Position, false, null);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await checking.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Equal(["rec:a"], client.Channels);
    }

    [Fact]
    public async Task NothingMissed_NoHistoryWait_NothingHappens()
    {
        var (client, _) = await ConnectAndSubscribeAsync("rec:a");
        Assert.True(_node.Channels.TryResolve("rec:a", out var ns));
        await _node.PublishAsync("rec:a", ns, "{}"u8.ToArray(), new PublishRequestOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(0, await _node.CheckPositionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["rec:a"], client.Channels);
    }

    [Fact]
    public async Task PeriodicCheck_RunsEveryChannelPositionCheckDelay()
    {
        var (_, transport) = await ConnectAndSubscribeAsync("rec:a");
        await PublishMissedAsync("rec:a");
        _node.StartPositionChecks();

        // Nothing before the period is over; the check and its one-second recheck come after it.
        for (var second = 0; second < 38; second++)
        {
            await AdvanceOneSecondAsync();
        }

        Assert.DoesNotContain(transport.Replies(), r => r.Push?.Unsubscribe is not null);
        for (var second = 0; second < 10 && !transport.Replies().Any(r => r.Push?.Unsubscribe is not null); second++)
        {
            await AdvanceOneSecondAsync();
        }

        var push = await transport.WaitForReplyAsync(r => r.Push?.Unsubscribe is not null);
        Assert.Equal(2500u, push.Push.Unsubscribe.Code);
    }

    private async Task AdvanceOneSecondAsync()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(20, TestContext.Current.CancellationToken);
    }

    private async Task PublishMissedAsync(string channel)
    {
        _broker.Muted = true;
        Assert.True(_node.Channels.TryResolve(channel, out var ns));
        await _node.PublishAsync(channel, ns, "{}"u8.ToArray(), new PublishRequestOptions(), TestContext.Current.CancellationToken);
        _broker.Muted = false;
    }

    private async Task<(ClientConnection Client, FakeTransport Transport)> ConnectAndSubscribeAsync(params string[] channels)
    {
        var transport = new FakeTransport();
        var client = new ClientConnection(_node, transport, ConnectionRequestInfo.Empty);
        await SendAsync(client, new Command { Connect = new ConnectRequest { Token = TestNodes.Tokens(_time).CreateConnectionToken("7", TimeSpan.FromHours(1)) } });
        await transport.WaitForReplyAsync(r => r.Connect is not null);
        foreach (var channel in channels)
        {
            var id = await SendAsync(client, new Command { Subscribe = new SubscribeRequest { Channel = channel } });
            Assert.Null((await transport.WaitForReplyAsync(r => r.Id == id)).Error);
        }

        return (client, transport);
    }

    private async Task<uint> SendAsync(ClientConnection client, Command command)
    {
        command.Id = ++_nextId;
        await client.HandleFrameAsync(ClientCodecs.ClientSideFor(ProtocolType.Json).EncodeCommand(command));
        return command.Id;
    }
}
