using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>
/// centrifuge-js 5.7.4 under Node over the emulation transports (HTTP-streaming with JSON and
/// Protobuf, SSE with JSON): connect, subscribe, receive, publish and call through <c>/emulation</c>,
/// recover after a reconnect, and fall back from a WebSocket endpoint that refuses the upgrade.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmulationInteropTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "http_stream", "json", false },
        { "http_stream", "protobuf", false },
        { "sse", "json", false },
        { "http_stream", "json", true },
        { "http_stream", "protobuf", true },
        { "sse", "json", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CentrifugeJs_PubSubAndRecovery(string transport, string protocol, bool blockedWebsocket)
    {
        await using var server = await TransportTestHelpers.StartServerAsync();
        var args = server.ScenarioArgs(protocol);
        args["base"] = server.Url;
        args["transport"] = transport;
        args["blockedWebsocket"] = blockedWebsocket;
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["recChannel"] = "rec:feed";
        args["chatChannel"] = "chat:room";

        var result = await NodeScript.RunAsync("emulation-pubsub", args);

        Assert.Equal(transport, result.GetProperty("transport").GetString());
        Assert.Equal(36, result.GetProperty("clientId").GetString()!.Length);
        Assert.Equal(["from client"], result.GetProperty("chat").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([0, 1, 2], result.GetProperty("received").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(result.GetProperty("recovered").GetBoolean());
        Assert.True(result.GetProperty("wasRecovering").GetBoolean());
        Assert.Equal(108, result.GetProperty("presenceError").GetInt32());
    }
}
