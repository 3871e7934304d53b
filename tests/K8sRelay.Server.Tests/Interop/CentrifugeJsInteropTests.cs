using System.Text.Json;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Interop;

/// <summary>
/// The real centrifuge-js 5.7.4 client (JSON and Protobuf builds) against a real server:
/// each case runs one scenario script under Node.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CentrifugeJsInteropTests
{
    public static TheoryData<string> Protocols => new() { "json", "protobuf" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task PubSub_TokenConnect_ReceivesApiAndClientPublications(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "chat:room";
        args["forbiddenChannel"] = "news:x";

        var result = await NodeScript.RunAsync("pubsub", args);

        Assert.Equal("websocket", result.GetProperty("transport").GetString());
        Assert.Equal(36, result.GetProperty("clientId").GetString()!.Length);
        Assert.Equal(JsonValueKind.Object, result.GetProperty("api").GetProperty("result").ValueKind);
        var texts = result.GetProperty("received").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["from api", "from client"], texts);
        Assert.Equal(103, result.GetProperty("forbiddenCode").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Presence_TwoUsers_PresenceStatsAndJoinLeave(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["tokenA"] = server.Tokens.CreateConnectionToken("alice", TimeSpan.FromHours(1));
        args["tokenB"] = server.Tokens.CreateConnectionToken("bob", TimeSpan.FromHours(1));
        args["channel"] = "pres:room";

        var result = await NodeScript.RunAsync("presence", args);

        Assert.Equal(["alice", "bob"], result.GetProperty("users").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, result.GetProperty("numClients").GetInt32());
        Assert.Equal(2, result.GetProperty("numUsers").GetInt32());
        var events = result.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString() + ":" + e.GetProperty("user").GetString()).ToList();
        Assert.Equal(["join:bob", "leave:bob"], events);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task History_SinceLimitReverse(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "hist:feed";

        var result = await NodeScript.RunAsync("history", args);

        static int[] Values(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt32())];
        Assert.Equal([1, 2, 3, 4, 5], Values(result.GetProperty("all")));
        Assert.Equal([1, 2], Values(result.GetProperty("firstTwo")));
        Assert.Equal([3, 4, 5], Values(result.GetProperty("afterTwo")));
        Assert.Equal([5, 4], Values(result.GetProperty("newest")));
        Assert.Equal(0, result.GetProperty("positionOnly").GetProperty("count").GetInt32());
        Assert.Equal(5, result.GetProperty("positionOnly").GetProperty("offset").GetInt32());
        Assert.Equal(5, result.GetProperty("offset").GetInt32());
        Assert.Equal(112, result.GetProperty("badEpochCode").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Recovery_MissedWhileDisconnected_Recovered(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "rec:stream";
        args["missed"] = 2;

        var result = await NodeScript.RunAsync("recovery", args);

        Assert.True(result.GetProperty("firstRecoverable").GetBoolean());
        Assert.True(result.GetProperty("wasRecovering").GetBoolean());
        Assert.True(result.GetProperty("recovered").GetBoolean());
        Assert.Equal([0, 1, 2], result.GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Recovery_HistoryOverflowed_NotRecovered(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "rec:overflow";
        args["missed"] = 5; // history_size is 3

        var result = await NodeScript.RunAsync("recovery", args);

        Assert.True(result.GetProperty("wasRecovering").GetBoolean());
        Assert.False(result.GetProperty("recovered").GetBoolean());
        Assert.Equal([0], result.GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Delta_FossilNegotiated_ClientDecodesEveryPublication(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "delta:doc";

        var result = await NodeScript.RunAsync("delta", args);

        Assert.Equal(4, result.GetProperty("count").GetInt32());
        Assert.True(result.GetProperty("same").GetBoolean());
    }
}
