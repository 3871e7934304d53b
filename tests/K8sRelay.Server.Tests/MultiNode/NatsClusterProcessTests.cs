using System.Net.WebSockets;
using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;
using K8sRelay.Server.Tests.Api;
using K8sRelay.Server.Tests.Fixtures;
using K8sRelay.Server.Tests.Operations;
using K8sRelay.Testing.Processes;

namespace K8sRelay.Server.Tests.MultiNode;

/// <summary>
/// Two server processes with Centrifugo's NATS broker (<c>broker.type: nats</c>) and Redis presence: the control
/// traffic goes over NATS, so they list each other, deliver across, and apply server API commands on either node.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NatsClusterProcessTests
{
    private static readonly TokenIssuer Tokens = new(RelayTestServer.HmacSecret);

    [Fact]
    public async Task TwoNodesOnNats_ListEachOther_DeliverAcross_AndDisconnectAcross()
    {
        await using var nats = new NatsServerFixture();
        await nats.InitializeAsync();
        await using var redis = await RedisProcess.StartAsync();
        void OnNats(RelayConfig config)
        {
            config.Broker.Enabled = true;
            config.Broker.Type = "nats";
            config.Broker.Nats.Url = nats.Url;
            config.PresenceManager.Enabled = true;
            config.PresenceManager.Type = "redis";
            config.PresenceManager.Redis.Address = [redis.Address];
        }

        await using var a = await RelayProcess.StartAsync(OnNats, "nats-a");
        await using var b = await RelayProcess.StartAsync(OnNats, "nats-b");
        await WaitUntil.TrueAsync(async () => (await a.NodeIdsAsync()).Count == 2 && (await b.NodeIdsAsync()).Count == 2, "both nodes listing each other over NATS");

        var result = await NodeScript.RunAsync("pubsub", new Dictionary<string, object?>
        {
            ["url"] = a.WebSocketUrl,
            ["apiUrl"] = b.Url,
            ["apiKey"] = RelayTestServer.ApiKey,
            ["protocol"] = "json",
            ["token"] = Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1)),
            ["channel"] = "chat:over-nats",
            ["forbiddenChannel"] = "news:x",
        });
        Assert.Equal(["from api", "from client"], result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()));

        await using var onB = await RawJsonClient.ConnectAsync(b.WebSocketUrl, Tokens.CreateConnectionToken("to-remove", TimeSpan.FromHours(1)));
        await a.ApiAsync("disconnect", new { user = "to-remove", disconnect = new { code = 4502, reason = "removed" } });
        await onB.ReadUntilClosedAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal((WebSocketCloseStatus)4502, onB.CloseStatus);
        Assert.Equal("removed", onB.CloseReason);
    }
}
