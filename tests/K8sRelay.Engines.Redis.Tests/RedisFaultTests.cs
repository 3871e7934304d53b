using K8sRelay.Core.Engines;
using K8sRelay.Engines.Redis.Tests.Infrastructure;
using K8sRelay.Protocol;
using K8sRelay.Testing.Engines;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Engines.Redis.Tests;

/// <summary>Redis stopping, restarting, losing data or never being there: nodes stay up and recover.</summary>
[Trait("Category", "Integration")]
public sealed class RedisFaultTests : IAsyncLifetime
{
    private static readonly PublishOptions History = new() { HistorySize = 1000, HistoryTtl = TimeSpan.FromMinutes(10) };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k8srelay-fault-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _prefix = "f" + Guid.NewGuid().ToString("N")[..12];
    private readonly ShiftableTimeProvider _time = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleanup.
        }
    }

    [Fact]
    public async Task RedisStoppedMidTraffic_CallsFailTemporarily_ThenTheNodeResubscribesAndHistoryContinues()
    {
        var server = await StartAsync(await RedisServer.StartAsync(Path.Combine(_root, "aof"), null, "--appendonly", "yes", "--appendfsync", "always"));
        var node = await NodeAsync([server.Address]);
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        await node.Broker.SubscribeAsync(channel, Ct);
        var before = await node.Broker.PublishAsync(channel, "before"u8.ToArray(), History, Ct);
        using var stopTraffic = new CancellationTokenSource();
        var traffic = Task.Run(() => PublishContinuouslyAsync(node, channel, stopTraffic.Token), Ct);
        await node.Events.WaitForPublicationsAsync(channel, 20);

        await server.StopAsync();
        var lost = await node.Events.Connectivity.WaitForAsync(c => !c.Restored, 1, "delivery lost");
        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.PublishAsync(channel, "down"u8.ToArray(), History, Ct));
        await server.RestartAsync();
        var restored = await node.Events.Connectivity.WaitForAsync(c => c.Restored, 1, "delivery restored");
        await stopTraffic.CancelAsync();
        var (succeeded, failed) = await traffic;
        var after = await Eventually.SucceedsAsync(async () => await node.Broker.PublishAsync(channel, "after"u8.ToArray(), History, Ct), "publish after restart");

        Assert.Contains(channel, lost[0].Channels);
        Assert.Contains(channel, restored[0].Channels);
        Assert.Equal(ErrorCodes.Internal, error.Error.Code);
        Assert.True(error.Error.Temporary);
        Assert.True(succeeded > 0 && failed > 0, $"traffic: {succeeded} succeeded, {failed} failed");
        await node.Events.Publications.WaitForAsync(p => p.Channel == channel && p.Text == "after", 1, "publication after restart");
        Assert.Equal(before.Position.Epoch, after.Position.Epoch);
        var recovered = await node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(before.Position, -1, false)), Ct);
        Assert.Equal(after.Position, recovered.Position);
        Assert.Equal(
            Enumerable.Range(1, (int)(after.Position.Offset - before.Position.Offset)).Select(i => before.Position.Offset + (ulong)i),
            recovered.Publications.Select(p => p.Offset));
    }

    [Fact]
    public async Task RedisLosesItsData_TheStreamGetsANewEpochAndOldPositionsAreUnrecoverable()
    {
        var server = await StartAsync(await RedisServer.StartAsync(Path.Combine(_root, "flush")));
        var node = await NodeAsync([server.Address]);
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        var old = await node.Broker.PublishAsync(channel, "a"u8.ToArray(), History, Ct);

        await server.CommandAsync("FLUSHALL");
        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () =>
            await node.Broker.HistoryAsync(channel, new HistoryOptions(new HistoryFilter(old.Position, -1, false)), Ct));
        var fresh = await node.Broker.PublishAsync(channel, "b"u8.ToArray(), History, Ct);

        Assert.Equal(ErrorCodes.UnrecoverablePosition, error.Error.Code);
        Assert.NotEqual(old.Position.Epoch, fresh.Position.Epoch);
        Assert.Equal(1UL, fresh.Position.Offset);
    }

    [Fact]
    public async Task RedisNotRunningAtStart_CallsFailTemporarily_UntilItStarts()
    {
        var port = FreePorts.Next();
        var node = await NodeAsync([$"127.0.0.1:{port}"], waitForControl: false);
        var channel = "ch-" + Guid.NewGuid().ToString("N");

        var error = await Assert.ThrowsAsync<ProtocolErrorException>(async () => await node.Broker.PublishAsync(channel, "x"u8.ToArray(), History, Ct));
        await StartAsync(await RedisServer.StartAsync(Path.Combine(_root, "late"), port));
        var result = await Eventually.SucceedsAsync(async () => await node.Broker.PublishAsync(channel, "x"u8.ToArray(), History, Ct), "publish once Redis runs");

        Assert.True(error.Error.Temporary);
        Assert.Equal(1UL, result.Position.Offset);
    }

    [Fact]
    public async Task NodeDiesWithoutCleaningUp_ItsPresenceExpiresForOtherNodes()
    {
        var server = await StartAsync(await RedisServer.StartAsync(Path.Combine(_root, "presence")));
        var dying = await NodeAsync([server.Address], own: false);
        var survivor = await NodeAsync([server.Address]);
        var channel = "ch-" + Guid.NewGuid().ToString("N");
        await dying.Presence.AddPresenceAsync(channel, "c1", new ClientInfo("u1", "c1"), Ct);
        await survivor.Presence.AddPresenceAsync(channel, "c2", new ClientInfo("u2", "c2"), Ct);

        await dying.DisposeAsync();
        var whileFresh = await survivor.Presence.PresenceStatsAsync(channel, Ct);
        await AdvanceAsync(server, TimeSpan.FromSeconds(40));
        await survivor.Presence.AddPresenceAsync(channel, "c2", new ClientInfo("u2", "c2"), Ct);
        await AdvanceAsync(server, TimeSpan.FromSeconds(30));

        Assert.Equal(new PresenceStats(2, 2), whileFresh);
        Assert.Equal(["c2"], (await survivor.Presence.PresenceAsync(channel, Ct)).Keys);
    }

    private static async Task<(int Succeeded, int Failed)> PublishContinuouslyAsync(EngineNode node, string channel, CancellationToken stop)
    {
        var succeeded = 0;
        var failed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await node.Broker.PublishAsync(channel, "traffic"u8.ToArray(), History, CancellationToken.None);
                succeeded++;
            }
            catch (ProtocolErrorException e) when (e.Error.Temporary)
            {
                failed++;
            }

            await Task.Delay(5, CancellationToken.None);
        }

        return (succeeded, failed);
    }

    private async Task AdvanceAsync(RedisServer server, TimeSpan by)
    {
        _time.Advance(by);
        await RedisTimeTravel.AdvanceAsync(new[] { server.Port }, _prefix, by);
    }

    private async Task<RedisServer> StartAsync(RedisServer server)
    {
        _owned.Add(server);
        return await Task.FromResult(server);
    }

    private async Task<EngineNode> NodeAsync(IReadOnlyList<string> addresses, bool waitForControl = true, bool own = true)
    {
        var node = await RedisTestNode.CreateAsync(addresses, _prefix, _time, waitForControl);
        if (own)
        {
            _owned.Add(node);
        }

        return node;
    }
}
