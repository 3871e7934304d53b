using K8sRelay.Core.Engines;
using K8sRelay.Engines.Redis.Tests.Infrastructure;
using K8sRelay.Testing.Engines;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>The Sentinel master dies: after failover the same node keeps publishing and receiving, without a restart.</summary>
[Trait("Category", "Integration")]
public sealed class SentinelFailoverTests : IAsyncLifetime
{
    private readonly SentinelRedisFixture _redis = new();
    private readonly string _prefix = "s" + Guid.NewGuid().ToString("N")[..12];
    private EngineNode? _node;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _redis.InitializeAsync();
        _node = await RedisTestNode.CreateAsync(_redis.Addresses, _prefix, new ShiftableTimeProvider());
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task MasterKilled_PublishingAndDeliveryContinueOnThePromotedReplica()
    {
        var node = _node!;
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        var history = new PublishOptions { HistorySize = 100, HistoryTtl = TimeSpan.FromMinutes(5) };
        await node.Broker.SubscribeAsync(channel, Ct);
        await node.Broker.PublishAsync(channel, "before"u8.ToArray(), history, Ct);
        await node.Events.WaitForPublicationsAsync(channel, 1);

        await _redis.InitialMaster.KillAsync();
        await WaitUntil.TrueAsync(async () => await _redis.CurrentMasterPortAsync() == _redis.InitialReplica.Port, "the Sentinel to promote the replica");
        var marker = 0;
        await Eventually.SucceedsAsync(
            async () =>
            {
                var text = "after-" + Interlocked.Increment(ref marker);
                await node.Broker.PublishAsync(channel, System.Text.Encoding.UTF8.GetBytes(text), history, Ct);
                if (!node.Events.PublicationsIn(channel).Any(p => p.Text.StartsWith("after-", StringComparison.Ordinal)))
                {
                    // Published on the new master, but the subscription may not be back yet: try again.
                    throw new K8sRelay.Protocol.ProtocolErrorException(K8sRelay.Protocol.ProtocolError.Internal);
                }

                return text;
            },
            "publishing and delivery after failover");

        var result = await node.Broker.PublishAsync(channel, "steady"u8.ToArray(), history, Ct);
        await node.Events.Publications.WaitForAsync(p => p.Channel == channel && p.Text == "steady", 1, "publication on the new master");
        Assert.True(result.Position.Offset > 1);
    }
}
