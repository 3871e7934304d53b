using K8sRelay.Core.Engines;
using K8sRelay.Protocol;
using K8sRelay.Testing.Engines;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Engines.Nats.Tests;

/// <summary>What is particular to the NATS broker: several nodes, no history, subject rules and reconnects.</summary>
[Trait("Category", "Integration")]
public sealed class NatsBrokerTests : IAsyncLifetime
{
    private readonly NatsServerFixture _nats = new();
    private readonly string _prefix = "n" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<EngineNode> _nodes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _nats.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _nats.DisposeAsync();
    }

    [Fact]
    public async Task TwoNodes_PublicationsAndJoins_ReachTheOtherNodeInOrder()
    {
        var publisher = await NodeAsync();
        var subscriber = await NodeAsync();
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        await subscriber.Broker.SubscribeAsync(channel, Ct);

        for (var i = 0; i < 20; i++)
        {
            await publisher.Broker.PublishAsync(channel, [(byte)i], new PublishOptions(), Ct);
        }

        await publisher.Broker.PublishJoinAsync(channel, new ClientInfo("u", "c"), Ct);

        var received = await subscriber.Events.WaitForPublicationsAsync(channel, 20);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), received.Select(p => p.Publication.Data[0]));
        Assert.Single(await subscriber.Events.PresenceEvents.WaitForAsync(e => e.Channel == channel, 1, "join"));
    }

    [Fact]
    public async Task TwoNodes_AddressedControlMessage_ReachesOnlyItsNode()
    {
        var sender = await NodeAsync();
        var target = await NodeAsync();

        await sender.ControlBus.PublishControlAsync([1], target.NodeId, Ct);
        await sender.ControlBus.PublishControlAsync([2], null, Ct);

        await target.ControlMessages.WaitForAsync(m => m[0] == 1, 1, "addressed message");
        await sender.ControlMessages.WaitForAsync(m => m[0] == 2, 1, "broadcast");
        Assert.DoesNotContain(sender.ControlMessages.Snapshot(), m => m[0] == 1);
    }

    [Fact]
    public async Task History_IsNotAvailable()
    {
        var node = await NodeAsync();
        var withHistory = new PublishOptions { HistorySize = 10, HistoryTtl = TimeSpan.FromMinutes(1) };

        var publish = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.PublishAsync("ch", [1], withHistory, Ct));
        var history = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.HistoryAsync("ch", default, Ct));

        Assert.Equal(ErrorCodes.NotAvailable, publish.Error.Code);
        Assert.Equal(ErrorCodes.NotAvailable, history.Error.Code);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("wild.*")]
    [InlineData("tail.>")]
    public async Task Channel_ThatIsNoPlainSubject_IsABadRequest(string channel)
    {
        var node = await NodeAsync();

        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.SubscribeAsync(channel, Ct));

        Assert.Equal(ErrorCodes.BadRequest, error.Error.Code);
    }

    [Fact]
    public async Task ServerRestarted_TheNodeIsToldAndDeliveryResumes()
    {
        var node = await NodeAsync();
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        await node.Broker.SubscribeAsync(channel, Ct);

        await _nats.StopAsync();
        var lost = await node.Events.Connectivity.WaitForAsync(c => !c.Restored, 1, "delivery lost");
        var failed = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.PublishAsync(channel, [1], new PublishOptions(), Ct));
        await _nats.StartAsync();
        var restored = await node.Events.Connectivity.WaitForAsync(c => c.Restored, 1, "delivery restored");
        await node.Broker.PublishAsync(channel, [2], new PublishOptions(), Ct);

        Assert.Contains(channel, lost[0].Channels);
        Assert.True(failed.Error.Temporary);
        Assert.Contains(channel, restored[0].Channels);
        Assert.Equal(2, (await node.Events.WaitForPublicationsAsync(channel, 1))[0].Publication.Data[0]);
    }

    private async Task<EngineNode> NodeAsync()
    {
        var node = await NatsTestNode.CreateAsync(_nats.Url, _prefix);
        _nodes.Add(node);
        return node;
    }
}
