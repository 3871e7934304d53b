using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>
/// A node loses its Redis PUB/SUB connection while publishing through another node goes on (Redis itself stays
/// up, so history keeps every publication). Subscriptions that missed publications resubscribe (2500) and
/// centrifuge-js recovers every one of them from history without reconnecting: found by the next live
/// publication's offset gap, or, when nothing is published after the outage, by the node checking the
/// stream positions once delivery is back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PubSubLossTests
{
    private const int ClientCount = 5;

    [Fact]
    public async Task SubscriberConnectionCut_WhilePublishingGoesOn_ClientsResubscribeAndRecoverEverythingMissed()
    {
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await StartLockableNodeAsync(redis);
        await using var b = await RelayProcess.StartAsync(Configure(redis), "publisher");
        var tokens = new TokenIssuer(RelayTestServer.HmacSecret);

        var result = await NodeScript.RunAsync("drain", new Dictionary<string, object?>
        {
            ["url"] = a.WebSocketUrl,
            ["apiUrl"] = b.Url,
            ["apiKey"] = RelayTestServer.ApiKey,
            ["protocol"] = "json",
            ["count"] = ClientCount,
            ["tokens"] = Enumerable.Range(0, ClientCount).Select(i => tokens.CreateConnectionToken("reader-" + i, TimeSpan.FromHours(1))).ToArray(),
            ["channel"] = "feed:live",
            ["publishEveryMs"] = 10,
            ["publishForMs"] = 45000,
            ["timeoutMs"] = 70000,
        }, async line =>
        {
            if (line == "READY")
            {
                // Publishing starts right after READY; let some publications flow first.
                await Task.Delay(300, TestContext.Current.CancellationToken);
                await EndOutageAsync(await BeginOutageAsync(redis), TimeSpan.FromMilliseconds(500));
            }
        }, TimeSpan.FromSeconds(80));

        var published = result.GetProperty("published").GetInt32();
        foreach (var client in result.GetProperty("clients").EnumerateArray())
        {
            Assert.Empty(client.GetProperty("moves").EnumerateArray());
            Assert.Empty(client.GetProperty("terminal").EnumerateArray());
            var resubscribes = client.GetProperty("resubscribes").EnumerateArray().ToList();
            Assert.True(resubscribes.Count > 0, client + "\n" + a.Log);
            Assert.All(resubscribes, r => Assert.True(r.GetProperty("recovered").GetBoolean(), client.ToString()));
            Assert.True(client.GetProperty("missing").GetArrayLength() == 0, $"of {published} publications, missed {client.GetProperty("missing")}");
        }
    }

    [Fact]
    public async Task SubscriberConnectionKilled_LastPublicationsMissed_RecoveredWithoutAnyLaterPublication()
    {
        const int Missed = 3;
        await using var redis = await RedisProcess.StartAsync();
        await using var a = await StartLockableNodeAsync(redis);
        await using var b = await RelayProcess.StartAsync(Configure(redis), "publisher");
        var tokens = new TokenIssuer(RelayTestServer.HmacSecret);

        var result = await NodeScript.RunAsync("quiet-gap", new Dictionary<string, object?>
        {
            ["url"] = a.WebSocketUrl,
            ["protocol"] = "json",
            ["count"] = ClientCount,
            ["tokens"] = Enumerable.Range(0, ClientCount).Select(i => tokens.CreateConnectionToken("listener-" + i, TimeSpan.FromHours(1))).ToArray(),
            ["channel"] = "feed:quiet",
            ["expect"] = Missed,
            ["waitMs"] = 15000,
            ["timeoutMs"] = 40000,
        }, async line =>
        {
            if (line == "READY")
            {
                var admin = await BeginOutageAsync(redis);
                for (var n = 1; n <= Missed; n++)
                {
                    await b.ApiAsync("publish", new { channel = "feed:quiet", data = new { n } });
                }

                await EndOutageAsync(admin, TimeSpan.FromMilliseconds(500));
            }
        }, TimeSpan.FromSeconds(60));

        foreach (var client in result.GetProperty("clients").EnumerateArray())
        {
            Assert.Equal([1, 2, 3], client.GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(0, client.GetProperty("reconnects").GetInt32());
            Assert.True(client.GetProperty("resubscribes").GetArrayLength() == 1, client + "\n" + a.Log);
            var resubscribe = client.GetProperty("resubscribes")[0];
            Assert.True(resubscribe.GetProperty("recovered").GetBoolean(), client.ToString());
            Assert.Equal(2500, client.GetProperty("subscribingCodes")[0].GetInt32());
        }
    }

    /// <summary>Node A logs in to Redis as its own user, so the test can find and cut exactly its connections.</summary>
    private static async Task<RelayProcess> StartLockableNodeAsync(RedisProcess redis)
    {
        Assert.Equal("+OK", await redis.CommandAsync("ACL SETUSER node-a on >node-a-secret ~* &* +@all"));
        return await RelayProcess.StartAsync(
            config =>
            {
                Configure(redis)(config);
                config.Engine.Redis.Address = [$"redis://node-a:node-a-secret@{redis.Address}"];
            },
            "loses-pubsub");
    }

    /// <summary>
    /// Cuts node A off Redis while everything else goes on: Redis refuses new connections (<c>maxclients</c> 1; the
    /// connections already open stay) and node A's connections are closed, so its reconnects fail as they would
    /// across a network partition. Returns the admin connection that ends the outage.
    /// </summary>
    private static async Task<RedisAdminConnection> BeginOutageAsync(RedisProcess redis)
    {
        var admin = await redis.OpenAdminAsync();
        Assert.Matches("^\\+OK\n:[1-9]", await admin.CommandAsync("CONFIG SET maxclients 1", "CLIENT KILL USER node-a"));
        return admin;
    }

    /// <summary>Lets node A reconnect after <paramref name="outage"/>.</summary>
    private static async Task EndOutageAsync(RedisAdminConnection admin, TimeSpan outage)
    {
        await using (admin)
        {
            await Task.Delay(outage, TestContext.Current.CancellationToken);
            Assert.Equal("+OK", await admin.CommandAsync("CONFIG SET maxclients 10000"));
        }
    }

    private static Action<RelayConfig> Configure(RedisProcess redis) => config =>
    {
        config.Engine.Type = "redis";
        config.Engine.Redis.Address = [redis.Address];
        config.Channel.Namespaces.Add(new ChannelNamespaceConfig
        {
            Name = "feed", AllowSubscribeForClient = true, HistorySize = 1000, HistoryTtl = TimeSpan.FromMinutes(5), ForceRecovery = true,
        });
    };
}
