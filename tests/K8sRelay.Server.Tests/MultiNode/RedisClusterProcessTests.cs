using System.Text.Json;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Core.Diagnostics;
using K8sRelay.Server.Tests.Api;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>
/// Two or three server processes on one real redis-server (<c>engine.type: redis</c>): they list each other,
/// deliver, answer presence and history alike, recover a client on another node, apply server API commands
/// wherever the connection lives, route emulation requests to the node holding the session, and survive a
/// node killed with SIGKILL.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisClusterProcessTests
{
    private static readonly TokenIssuer Tokens = new(RelayTestServer.HmacSecret);

    [Fact]
    public async Task ThreeNodes_EveryNodeListsEveryNode_CountsThem_AndForgetsOneThatStops()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await RelayProcess.StartAsync(OnRedis(redis), "node-a");
        await using var b = await RelayProcess.StartAsync(OnRedis(redis), "node-b");
        await using var c = await RelayProcess.StartAsync(OnRedis(redis), "node-c");
        RelayProcess[] nodes = [a, b, c];

        await WaitUntil.TrueAsync(async () => (await Task.WhenAll(nodes.Select(n => n.NodeIdsAsync()))).All(ids => ids.Count == 3), "every node listing three nodes");
        var views = await Task.WhenAll(nodes.Select(n => n.NodeIdsAsync()));
        Assert.All(views, ids => Assert.Equal(views[0], ids));
        await WaitUntil.TrueAsync(
            async () => (await Task.WhenAll(nodes.Select(n => n.MetricsAsync()))).All(m => PrometheusScrape.Parse(m).Value(MetricNames.NumNodes) == 3),
            "centrifugo_node_num_nodes 3 on every node");

        await c.StopAsync();

        // A stopping node says it leaves: the others stop listing it without waiting for its heartbeats to age out.
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 2 && (await b.NodeIdsAsync()).Count == 2, "two nodes listed after one stopped");
        await WaitUntil.TrueAsync(async () => PrometheusScrape.Parse(await a.MetricsAsync()).Value(MetricNames.NumNodes) == 2, "centrifugo_node_num_nodes 2 after one stopped");
        Assert.Contains("[1202]", a.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("protobuf")]
    public async Task CentrifugeJs_OnTwoNodes_DeliveryPresenceHistoryRecoveryAndDisconnectAcrossNodes(string protocol)
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await RelayProcess.StartAsync(OnRedis(redis), "node-a");
        await using var b = await RelayProcess.StartAsync(OnRedis(redis), "node-b");
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 2 && (await b.NodeIdsAsync()).Count == 2, "both nodes listing each other");

        var result = await NodeScript.RunAsync("cluster", new Dictionary<string, object?>
        {
            ["protocol"] = protocol,
            ["apiKey"] = RelayTestServer.ApiKey,
            ["wsUrls"] = new[] { a.WebSocketUrl, b.WebSocketUrl },
            ["apiUrls"] = new[] { a.Url, b.Url },
            ["tokens"] = new Dictionary<string, string>
            {
                ["alice"] = Tokens.CreateConnectionToken("alice", TimeSpan.FromHours(1)),
                ["bob"] = Tokens.CreateConnectionToken("bob", TimeSpan.FromHours(1)),
            },
            ["channel"] = "room:lobby",
            ["timeoutMs"] = 40000,
        }, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal([0], Ints(result.GetProperty("alice")));
        Assert.Equal([0, 1, 2], Ints(result.GetProperty("bob")));
        var views = result.GetProperty("views").EnumerateArray().ToList();
        Assert.Equal(2, views.Count);
        foreach (var view in views)
        {
            Assert.Equal(["alice", "bob"], view.GetProperty("presenceUsers").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal([1], Ints(view.GetProperty("historyOffsets")));
            Assert.Equal(views[0].GetProperty("epoch").GetString(), view.GetProperty("epoch").GetString());
        }

        Assert.True(result.GetProperty("wasRecovering").GetBoolean());
        Assert.True(result.GetProperty("recovered").GetBoolean());
        Assert.Equal([1, 2], Ints(result.GetProperty("recoveredData")));
        Assert.Equal(4501, result.GetProperty("bobCode").GetInt32());
        Assert.Equal("moderated", result.GetProperty("bobReason").GetString());
    }

    [Fact]
    public async Task ChannelsApi_CountsSubscribersOnEveryNode()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await RelayProcess.StartAsync(OnRedis(redis), "node-a");
        await using var b = await RelayProcess.StartAsync(OnRedis(redis), "node-b");
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 2, "node a listing node b");
        await using var onA = await RawJsonClient.ConnectAsync(a.WebSocketUrl, Tokens.CreateConnectionToken("u1", TimeSpan.FromHours(1)));
        await using var onB1 = await RawJsonClient.ConnectAsync(b.WebSocketUrl, Tokens.CreateConnectionToken("u2", TimeSpan.FromHours(1)));
        await using var onB2 = await RawJsonClient.ConnectAsync(b.WebSocketUrl, Tokens.CreateConnectionToken("u3", TimeSpan.FromHours(1)));
        await onA.SubscribeAsync("chat:shared");
        await onB1.SubscribeAsync("chat:shared");
        await onB2.SubscribeAsync("news:only-on-b");

        var channels = (await a.ApiAsync("channels", new { })).GetProperty("channels");

        Assert.Equal(2, channels.GetProperty("chat:shared").GetProperty("num_clients").GetInt32());
        Assert.Equal(1, channels.GetProperty("news:only-on-b").GetProperty("num_clients").GetInt32());
    }

    [Fact]
    public async Task NodeKilledWithSigkill_ItsPresenceExpires_AndTheOtherNodeKeepsServing()
    {
        await using var redis = await RedisProcess.StartAsync();
        void ShortPresence(RelayConfig config)
        {
            OnRedis(redis)(config);
            config.Engine.Redis.PresenceTtl = TimeSpan.FromSeconds(3);
            config.Client.PresenceUpdateInterval = TimeSpan.FromSeconds(1);
        }

        await using var a = await RelayProcess.StartAsync(ShortPresence, "node-a");
        await using var b = await RelayProcess.StartAsync(ShortPresence, "node-b");
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 2, "node a listing node b");
        await using var onA = await RawJsonClient.ConnectAsync(a.WebSocketUrl, Tokens.CreateConnectionToken("stays", TimeSpan.FromHours(1)));
        await using var onB = await RawJsonClient.ConnectAsync(b.WebSocketUrl, Tokens.CreateConnectionToken("crashes", TimeSpan.FromHours(1)));
        await onA.SubscribeAsync("room:k");
        await onB.SubscribeAsync("room:k");
        Assert.Equal(["crashes", "stays"], await PresenceUsersAsync(a, "room:k"));

        await b.KillAsync();

        await WaitUntil.TrueAsync(async () => (await PresenceUsersAsync(a, "room:k")).SequenceEqual(["stays"]), "the killed node's presence expiring");
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 1, "node a no longer listing the killed node");
        await a.ApiAsync("publish", new { channel = "room:k", data = new { after = "kill" } });
        var push = await ReceivePublicationAsync(onA);
        Assert.Equal("kill", push.GetProperty("push").GetProperty("pub").GetProperty("data").GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("http_stream", "json")]
    [InlineData("http_stream", "protobuf")]
    [InlineData("sse", "json")]
    public async Task CentrifugeJs_EmulationRequestsSentToTheOtherNode_ReachTheSession(string transport, string protocol)
    {
        await using var redis = await RedisProcess.StartAsync();
        void WithEmulation(RelayConfig config)
        {
            OnRedis(redis)(config);
            config.HttpStream.Enabled = true;
            config.Sse.Enabled = true;
        }

        await using var a = await RelayProcess.StartAsync(WithEmulation, "node-a");
        await using var b = await RelayProcess.StartAsync(WithEmulation, "node-b");
        await WaitUntil.TrueAsync(async () => (await b.NodeIdsAsync()).Count == 2, "node b listing node a");

        var result = await NodeScript.RunAsync("emulation-pubsub", new Dictionary<string, object?>
        {
            ["protocol"] = protocol,
            ["apiKey"] = RelayTestServer.ApiKey,
            ["apiUrl"] = b.Url,
            ["base"] = a.Url,
            ["emulationBase"] = b.Url,
            ["transport"] = transport,
            ["token"] = Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1)),
            ["recChannel"] = "rec:feed",
            ["chatChannel"] = "chat:room",
        });

        Assert.Equal(transport, result.GetProperty("transport").GetString());
        Assert.Equal(["from client"], result.GetProperty("chat").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0, 1, 2], Ints(result.GetProperty("received")));
        Assert.True(result.GetProperty("recovered").GetBoolean());
        Assert.Equal(108, result.GetProperty("presenceError").GetInt32());
    }

    private static Action<RelayConfig> OnRedis(RedisProcess redis) => config =>
    {
        config.Engine.Type = "redis";
        config.Engine.Redis.Address = [redis.Address];
        config.Prometheus.Enabled = true;
        config.Shutdown.DrainGrace = TimeSpan.Zero;
        config.Shutdown.DrainPeriod = TimeSpan.FromSeconds(1);
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "room", AllowSubscribeForClient = true, Presence = true, JoinLeave = true, HistorySize = 10,
            HistoryTtl = TimeSpan.FromMinutes(5), ForceRecovery = true,
        });
    };

    private static async Task<IReadOnlyList<string>> PresenceUsersAsync(RelayProcess node, string channel)
    {
        var presence = (await node.ApiAsync("presence", new { channel })).GetProperty("presence");
        return [.. presence.EnumerateObject().Select(p => p.Value.GetProperty("user").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static async Task<JsonElement> ReceivePublicationAsync(RawJsonClient client)
    {
        while (true)
        {
            var message = await client.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)
                ?? throw new InvalidOperationException("connection closed before the publication");
            if (message.TryGetProperty("push", out var push) && push.TryGetProperty("pub", out _))
            {
                return message;
            }
        }
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
