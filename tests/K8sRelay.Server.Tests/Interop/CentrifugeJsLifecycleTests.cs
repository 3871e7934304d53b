using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Interop;

/// <summary>Token expiry, bad tokens, channel rules, limits and shutdown with the real centrifuge-js client.</summary>
[Trait("Category", "Integration")]
public sealed class CentrifugeJsLifecycleTests
{
    public static TheoryData<string> Protocols => new() { "json", "protobuf" };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task TokenExpiry_RefreshedThroughGetToken_StaysConnected(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.ExpiredCloseDelay = TimeSpan.FromSeconds(1));
        var args = server.ScenarioArgs(protocol);
        args["shortToken"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromSeconds(2));
        args["longToken"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["waitMs"] = 5000;

        var result = await NodeScript.RunAsync("refresh", args);

        Assert.True(result.GetProperty("getTokenCalls").GetInt32() >= 1);
        Assert.Equal("connected", result.GetProperty("state").GetString());
        Assert.Empty(result.GetProperty("disconnects").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task BadToken_DisconnectedWithInvalidToken(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = new K8sRelay.Core.Auth.TokenIssuer("another-secret-entirely-0123456789abcdef").CreateConnectionToken("42");

        var result = await NodeScript.RunAsync("badtoken", args);

        Assert.Equal(3500, result.GetProperty("code").GetInt32());
        Assert.Equal("invalid token", result.GetProperty("reason").GetString());
        Assert.Equal("disconnected", result.GetProperty("state").GetString());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Channels_PrivateUserLimitedAndChannelLimit(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync();
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["privateChannel"] = "$priv:secret";
        args["subToken"] = server.Tokens.CreateSubscriptionToken("42", "$priv:secret", TimeSpan.FromHours(1));
        args["privateChannel2"] = "$priv:other";
        args["ownUserChannel"] = "user:inbox#42";
        args["otherUserChannel"] = "user:inbox#43";
        args["limitChannels"] = new[] { "chat:l1", "chat:l2", "chat:l3", "chat:l4" };

        var result = await NodeScript.RunAsync("channels", args);

        Assert.True(result.GetProperty("privateWithToken").GetProperty("ok").GetBoolean());
        Assert.Equal(103, result.GetProperty("privateWithout").GetProperty("code").GetInt32());
        Assert.True(result.GetProperty("ownUserChannel").GetProperty("ok").GetBoolean());
        Assert.Equal(103, result.GetProperty("otherUserChannel").GetProperty("code").GetInt32());
        var limit = result.GetProperty("limit").EnumerateArray().ToList();
        Assert.All(limit.Take(3), e => Assert.True(e.GetProperty("ok").GetBoolean()));
        Assert.Equal(106, limit[3].GetProperty("code").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task OversizedFrame_ClosesWithMessageSizeLimit(string protocol)
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Websocket.MessageSizeLimit = 1024);
        var args = server.ScenarioArgs(protocol);
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "chat:big";
        args["size"] = 4096;

        var result = await NodeScript.RunAsync("oversized", args);

        Assert.Equal("disconnected", result.GetProperty("state").GetString());
        Assert.Equal(3, result.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task SlowClient_QueueOverflow_ClosedWithSlow()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.QueueMaxSize = 256 * 1024);
        var args = server.ScenarioArgs("json");
        args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));
        args["channel"] = "chat:firehose";
        args["publications"] = 150;

        var result = await NodeScript.RunAsync("slow", args);

        Assert.Equal(3008, result.GetProperty("code").GetInt32());
        Assert.Equal("slow", result.GetProperty("reason").GetString());
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Shutdown_ClientToldToReconnect(string protocol)
    {
        var server = await RelayTestServer.StartAsync();
        await using (server)
        {
            var args = server.ScenarioArgs(protocol);
            args["token"] = server.Tokens.CreateConnectionToken("42", TimeSpan.FromHours(1));

            var result = await NodeScript.RunAsync("shutdown", args, async line =>
            {
                if (line == "READY")
                {
                    await server.StopAsync();
                }
            });

            Assert.Equal(3001, result.GetProperty("code").GetInt32());
            Assert.Equal("shutdown", result.GetProperty("reason").GetString());
        }
    }
}
