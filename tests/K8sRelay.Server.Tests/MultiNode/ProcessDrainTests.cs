using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>
/// The production drain end to end: two server processes on one real Redis behind a load balancer that routes by
/// readiness; centrifuge-js clients sit on node A; node A's process gets a real SIGTERM. Every client is told to
/// reconnect (3001), lands on node B, recovers what was published meanwhile, none sees a terminal code, the
/// disconnects are spread over the drain period, and the process exits on its own.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProcessDrainTests
{
    private const int ClientCount = 12;
    private const string Channel = "drain:feed";

    [Fact]
    public async Task Sigterm_DrainsEveryClientToTheOtherNode_WithRecovery_SpreadOverThePeriod()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await RelayProcess.StartAsync(Configure(redis), "drained");
        await using var b = await RelayProcess.StartAsync(Configure(redis), "survivor");
        await using var proxy = new ReadinessRoutingProxy(new ReadinessRoutingProxy.Backend(a.Port, a.Http), new ReadinessRoutingProxy.Backend(b.Port, b.Http));
        var tokens = new TokenIssuer(RelayTestServer.HmacSecret);
        await WaitUntil.TrueAsync(async () => await a.IsReadyAsync() && await b.IsReadyAsync(), "both nodes ready");

        Task? stopping = null;
        var onAAtStart = -1;
        var onBWhenMoved = -1;
        var result = await NodeScript.RunAsync("drain", new Dictionary<string, object?>
        {
            ["url"] = proxy.WebSocketUrl,
            ["apiUrl"] = b.Url,
            ["apiKey"] = RelayTestServer.ApiKey,
            ["protocol"] = "json",
            ["count"] = ClientCount,
            ["tokens"] = Enumerable.Range(0, ClientCount).Select(i => tokens.CreateConnectionToken("mover-" + i, TimeSpan.FromHours(1))).ToArray(),
            ["channel"] = Channel,
            ["publishEveryMs"] = 100,
            ["publishForMs"] = 30000,
            ["timeoutMs"] = 60000,
        }, async line =>
        {
            if (line == "READY")
            {
                onAAtStart = await LocalClientsAsync(a);
                stopping = a.StopAsync();
            }
            else if (line == "MOVED")
            {
                onBWhenMoved = await LocalClientsAsync(b);
            }
        }, TimeSpan.FromSeconds(90));

        Assert.NotNull(stopping);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(a.IsRunning);
        Assert.True(onAAtStart == ClientCount, $"{onAAtStart} of {ClientCount} clients on node A when the drain started");
        Assert.True(onBWhenMoved == ClientCount, $"{onBWhenMoved} of {ClientCount} clients on node B after the move");
        Assert.Contains("[1004] Drain finished: " + ClientCount + " clients", a.Log, StringComparison.Ordinal);

        var published = result.GetProperty("published").GetInt32();
        var moments = new List<long>();
        foreach (var client in result.GetProperty("clients").EnumerateArray())
        {
            var move = Assert.Single(client.GetProperty("moves").EnumerateArray());
            Assert.Equal(3001, move.GetProperty("code").GetInt32());
            moments.Add(move.GetProperty("at").GetInt64());
            Assert.Empty(client.GetProperty("terminal").EnumerateArray());
            var resubscribe = Assert.Single(client.GetProperty("resubscribes").EnumerateArray());
            Assert.True(resubscribe.GetProperty("recovered").GetBoolean(), client.ToString());
            Assert.True(client.GetProperty("missing").GetArrayLength() == 0, $"of {published} publications, missed {client.GetProperty("missing")}");
        }

        Assert.Equal(ClientCount, moments.Count);
        Assert.True(moments.Max() - moments.Min() > 1500, "disconnects all came within 1.5 s: " + JsonSerializer.Serialize(moments));
    }

    private static Action<RelayConfig> Configure(RedisProcess redis) => config =>
    {
        config.Engine.Type = "redis";
        config.Engine.Redis.Address = [redis.Address];
        config.Shutdown.DrainGrace = TimeSpan.FromMilliseconds(500);
        config.Shutdown.DrainPeriod = TimeSpan.FromSeconds(4);
        config.Shutdown.Timeout = TimeSpan.FromSeconds(30);
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "drain", AllowSubscribeForClient = true, HistorySize = 500, HistoryTtl = TimeSpan.FromMinutes(5), ForceRecovery = true,
        });
    };

    /// <summary>Connections on the node itself: the first <c>info</c> entry is always the answering node.</summary>
    private static async Task<int> LocalClientsAsync(RelayProcess node) =>
        (await node.ApiAsync("info", new { })).GetProperty("nodes")[0].GetProperty("num_clients").GetInt32();
}
