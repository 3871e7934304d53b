using System.Net.WebSockets;
using System.Text.Json;

namespace K8sRelay.Server.Tests.Api;

/// <summary>subscribe, unsubscribe, disconnect and refresh against live connections, checking the exact pushes and close codes.</summary>
[Trait("Category", "Integration")]
public sealed class UserCommandTests
{
    [Fact]
    public async Task Subscribe_ServerSide_SubscribePushThenPublications()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("u1", TimeSpan.FromHours(1)));

        var answer = await server.PostAsync("/api/subscribe", """{"user":"u1","channel":"hist:srv","data":{"hello":1}}""");
        var push = await client.ReceiveAsync();
        await server.PostAsync("/api/publish", """{"channel":"hist:srv","data":{"n":1}}""");
        var publication = await client.ReceiveAsync();

        Assert.Equal("""{"result":{}}""", answer.Body);
        Assert.Equal("hist:srv", push!.Value.GetProperty("push").GetProperty("channel").GetString());
        Assert.Equal(1, push.Value.GetProperty("push").GetProperty("subscribe").GetProperty("data").GetProperty("hello").GetInt32());
        Assert.Equal(1, publication!.Value.GetProperty("push").GetProperty("pub").GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal(["hist:srv"], server.Node.Hub.FindClient(client.ClientId)!.Channels);
    }

    [Fact]
    public async Task Subscribe_RecoverSince_DeliversMissedPublications()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("u1", TimeSpan.FromHours(1)));
        var first = await server.PostAsync("/api/publish", """{"channel":"rec:r","data":{"n":1}}""");
        await server.PostAsync("/api/publish", """{"channel":"rec:r","data":{"n":2}}""");
        var epoch = first.Json.GetProperty("result").GetProperty("epoch").GetString();

        await server.PostAsync("/api/subscribe", $$$"""{"user":"u1","channel":"rec:r","recover_since":{"offset":1,"epoch":"{{{epoch}}}"}}""");
        var push = (await client.ReceiveAsync())!.Value.GetProperty("push");
        var recovered = (await client.ReceiveAsync())!.Value.GetProperty("push");

        Assert.True(push.GetProperty("subscribe").GetProperty("recoverable").GetBoolean());
        Assert.Equal(2, recovered.GetProperty("pub").GetProperty("data").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Unsubscribe_ServerSide_UnsubscribePush2000()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("u1", TimeSpan.FromHours(1)));
        await client.SubscribeAsync("chat:u");

        // README: curl -X POST -H "X-API-Key: KEY" -d '{"user":"u1","channel":"chat:u"}' http://localhost:8000/api/unsubscribe
        var answer = await server.PostAsync("/api/unsubscribe", """{"user":"u1","channel":"chat:u"}""");
        var push = (await client.ReceiveAsync())!.Value.GetProperty("push");

        Assert.Equal("""{"result":{}}""", answer.Body);
        Assert.Equal("chat:u", push.GetProperty("channel").GetString());
        Assert.Equal(2000, push.GetProperty("unsubscribe").GetProperty("code").GetInt32());
        Assert.Empty(server.Node.Hub.FindClient(client.ClientId)!.Channels);
    }

    [Fact]
    public async Task Disconnect_CustomCodeWhitelistAndClientFilter()
    {
        await using var server = await ApiTestServer.StartAsync();
        var token = server.Tokens.CreateConnectionToken("u2", TimeSpan.FromHours(1));
        await using var kept = await RawJsonClient.ConnectAsync(server.WebSocketUrl, token);
        await using var closed = await RawJsonClient.ConnectAsync(server.WebSocketUrl, token);
        await using var other = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("u3", TimeSpan.FromHours(1)));

        // README: curl -X POST -H "X-API-Key: KEY" -d '{"user":"u2","disconnect":{"code":4500,"reason":"bye"}}' http://localhost:8000/api/disconnect
        var answer = await server.PostAsync("/api/disconnect", $$$"""{"user":"u2","whitelist":["{{{kept.ClientId}}}"],"disconnect":{"code":4500,"reason":"bye"}}""");
        await closed.ReadUntilClosedAsync();

        Assert.Equal("""{"result":{}}""", answer.Body);
        Assert.Equal((WebSocketCloseStatus)4500, closed.CloseStatus);
        Assert.Equal("bye", closed.CloseReason);
        Assert.NotNull(server.Node.Hub.FindClient(kept.ClientId));
        Assert.NotNull(server.Node.Hub.FindClient(other.ClientId));

        await server.PostAsync("/api/disconnect", $$$"""{"user":"u2","client":"{{{kept.ClientId}}}"}""");
        await kept.ReadUntilClosedAsync();
        Assert.Equal((WebSocketCloseStatus)3503, kept.CloseStatus);
        Assert.NotNull(server.Node.Hub.FindClient(other.ClientId));
    }

    [Fact]
    public async Task Refresh_ExpiredClosesWith3005_OtherwiseSetsExpiry()
    {
        await using var server = await ApiTestServer.StartAsync();
        await using var client = await RawJsonClient.ConnectAsync(server.WebSocketUrl, server.Tokens.CreateConnectionToken("u4", TimeSpan.FromHours(1)));
        var expireAt = DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeSeconds();

        var refreshed = await server.PostAsync("/api/refresh", $$$"""{"user":"u4","expire_at":{{{expireAt}}},"info":{"plan":"gold"}}""");
        var connection = server.Node.Hub.FindClient(client.ClientId)!;
        Assert.Equal("""{"result":{}}""", refreshed.Body);
        Assert.Equal(expireAt, connection.ExpireAt);
        Assert.Equal("""{"plan":"gold"}""", System.Text.Encoding.UTF8.GetString(connection.ConnInfo!));

        await server.PostAsync("/api/refresh", """{"user":"u4","expired":true}""");
        await client.ReadUntilClosedAsync();
        Assert.Equal((WebSocketCloseStatus)3005, client.CloseStatus);
    }

    [Fact]
    public async Task UserCommands_MissingUserOrChannel_BadRequest()
    {
        await using var server = await ApiTestServer.StartAsync();

        Assert.Equal(107, (await server.PostAsync("/api/subscribe", """{"channel":"chat:x"}""")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/subscribe", """{"user":"u"}""")).ErrorCode);
        Assert.Equal(102, (await server.PostAsync("/api/subscribe", """{"user":"u","channel":"nope:x"}""")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/unsubscribe", """{"user":"u"}""")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/disconnect", "{}")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/disconnect", """{"user":"u","disconnect":{"code":1000,"reason":"x"}}""")).ErrorCode);
        Assert.Equal(107, (await server.PostAsync("/api/refresh", "{}")).ErrorCode);
        Assert.Equal(JsonValueKind.Object, (await server.PostAsync("/api/refresh", """{"user":"nobody"}""")).Json.GetProperty("result").ValueKind);
    }
}
