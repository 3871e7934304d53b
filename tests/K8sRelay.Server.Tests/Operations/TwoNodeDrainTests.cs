using System.Net;
using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Security;

namespace K8sRelay.Server.Tests.Operations;

/// <summary>
/// Two nodes on one real Redis behind a load balancer that routes by readiness. Real centrifuge-js clients sit
/// on node A; A is stopped the way SIGTERM stops it. Every client is told to reconnect, lands on node B,
/// recovers what was published while it moved, and the disconnects are spread over the drain period. The
/// same engine also decides readiness: a node whose Redis is gone is not ready until Redis is back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoNodeDrainTests
{
    private const int ClientCount = 10;
    private const string Channel = "drain:feed";

    [Fact]
    public async Task SigtermDrain_MovesEveryClientToTheOtherNode_WithRecovery_SpreadOverThePeriod()
    {
        await using var redis = await RedisProcess.StartAsync();
        var nodeA = await OperationsServer.StartAsync(Configure, RedisEngineSwap.To(redis));
        await using var nodeB = await OperationsServer.StartAsync(Configure, RedisEngineSwap.To(redis));
        await using (nodeA)
        {
            await using var proxy = new ReadinessRoutingProxy(nodeA, nodeB);
            var args = new Dictionary<string, object?>
            {
                ["url"] = proxy.WebSocketUrl,
                ["apiUrl"] = nodeB.Url,
                ["apiKey"] = RelayTestServer.ApiKey,
                ["protocol"] = "json",
                ["count"] = ClientCount,
                ["tokens"] = Enumerable.Range(0, ClientCount).Select(i => nodeA.Tokens.CreateConnectionToken("mover-" + i, TimeSpan.FromHours(1))).ToArray(),
                ["channel"] = Channel,
                ["publishEveryMs"] = 100,
                ["publishForMs"] = 30000,
                ["timeoutMs"] = 60000,
            };

            Task? stopping = null;
            var onBWhenMoved = -1;
            var result = await NodeScript.RunAsync("drain", args, line =>
            {
                if (line == "READY")
                {
                    Assert.Equal(ClientCount, nodeA.Node.Hub.ClientCount);
                    Assert.Equal(0, nodeB.Node.Hub.ClientCount);
                    stopping = nodeA.StopAsync();
                }
                else if (line == "MOVED")
                {
                    onBWhenMoved = nodeB.Node.Hub.ClientCount;
                }

                return Task.CompletedTask;
            }, TimeSpan.FromSeconds(90));

            Assert.NotNull(stopping);
            await stopping;
            Assert.Equal(ClientCount, onBWhenMoved);

            var published = result.GetProperty("published").GetInt32();
            var clients = result.GetProperty("clients").EnumerateArray().ToList();
            Assert.Equal(ClientCount, clients.Count);
            var moments = new List<long>();
            foreach (var client in clients)
            {
                var move = Assert.Single(client.GetProperty("moves").EnumerateArray());
                Assert.Equal(3001, move.GetProperty("code").GetInt32());
                moments.Add(move.GetProperty("at").GetInt64());
                Assert.Empty(client.GetProperty("terminal").EnumerateArray());
                var resubscribe = Assert.Single(client.GetProperty("resubscribes").EnumerateArray());
                Assert.True(resubscribe.GetProperty("wasRecovering").GetBoolean());
                Assert.True(resubscribe.GetProperty("recovered").GetBoolean(), client.ToString());
                Assert.True(client.GetProperty("missing").GetArrayLength() == 0, $"of {published} publications, missed {client.GetProperty("missing")}");
            }

            Assert.True(moments.Max() - moments.Min() > 1000, "disconnects all came within one second: " + JsonSerializer.Serialize(moments));
        }
    }

    [Fact]
    public async Task Readiness_FollowsTheEngine()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var node = await OperationsServer.StartAsync(Configure, RedisEngineSwap.To(redis));
        await ExpectReadyAsync(node, HttpStatusCode.OK);

        await redis.KillAsync();
        var body = await ExpectReadyAsync(node, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("engine", body, StringComparison.Ordinal);
        using (var health = await node.Http.GetAsync("/health", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await redis.RestartAsync();
        await ExpectReadyAsync(node, HttpStatusCode.OK);
    }

    private static void Configure(RelayConfig config)
    {
        config.Shutdown.DrainGrace = TimeSpan.FromMilliseconds(500);
        config.Shutdown.DrainPeriod = TimeSpan.FromSeconds(4);
        config.Shutdown.Timeout = TimeSpan.FromSeconds(30);
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "drain",
            AllowSubscribeForClient = true,
            HistorySize = 500,
            HistoryTtl = TimeSpan.FromMinutes(5),
            ForceRecovery = true,
        });
    }

    private static async Task<string> ExpectReadyAsync(OperationsServer node, HttpStatusCode expected)
    {
        var body = string.Empty;
        await Poll.UntilAsync(async () =>
        {
            using var response = await node.Http.GetAsync("/ready", TestContext.Current.CancellationToken);
            body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return response.StatusCode == expected;
        }, interval: 200);
        return body;
    }
}
