using System.Net;
using K8sRelay.Configuration.Model;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// Connection limits end to end: <c>client.user_connection_limit</c> (3504), the personal channel's
/// <c>single_connection</c> (older connections closed with 3504), and <c>client.connection_limit</c> and
/// <c>client.connection_rate_limit</c> (HTTP 503 before the upgrade).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task UserConnectionLimit_ExtraConnectionClosed3504_OtherUsersUnaffected()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.UserConnectionLimit = 2);
        await using var first = await ConnectedAsync(server, "alice");
        await using var second = await ConnectedAsync(server, "alice");

        await using var third = await RawClient.OpenAsync(server.WebSocketUrl);
        var answer = await third.ConnectAsync(server.Tokens.CreateConnectionToken("alice"));
        Assert.Equal(3504, answer.CloseCode);
        Assert.Equal("connection limit", answer.CloseReason);

        await using var bob = await ConnectedAsync(server, "bob");
        Assert.True((await first.SubscribeAsync("chat:still-open")).Succeeded("subscribe"));

        // A freed slot can be used again once the server has seen the close.
        await first.DisposeAsync();
        await Poll.UntilAsync(() => server.Node.Hub.UserClientCount("alice") == 1);
        await using var again = await ConnectedAsync(server, "alice");
    }

    [Fact]
    public async Task UserConnectionLimit_AnonymousNotCounted()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.UserConnectionLimit = 1);
        await using var first = await ConnectedAsync(server, "");
        await using var second = await ConnectedAsync(server, "");
    }

    [Fact]
    public async Task SingleConnection_NewConnectionClosesOlderOnesWith3504()
    {
        await using var server = await RelayTestServer.StartAsync(c =>
        {
            c.Channel.Namespaces.Add(new ChannelNamespaceConfig { Name = "personal", Presence = true });
            c.Client.SubscribeToUserPersonalChannel.Enabled = true;
            c.Client.SubscribeToUserPersonalChannel.PersonalChannelNamespace = "personal";
            c.Client.SubscribeToUserPersonalChannel.SingleConnection = true;
        });

        var older = await RawClient.OpenAsync(server.WebSocketUrl);
        await using (older)
        {
            var connect = (await older.ConnectAsync(server.Tokens.CreateConnectionToken("alice"))).Result("connect");
            Assert.True(connect.GetProperty("subs").TryGetProperty("personal:#alice", out _), connect.GetRawText());
            await using var bob = await ConnectedAsync(server, "bob");

            await using var newer = await ConnectedAsync(server, "alice");

            var closed = await older.ReceiveAsync();
            Assert.Equal(3504, closed.CloseCode);
            Assert.Equal("connection limit", closed.CloseReason);
            Assert.True((await newer.SubscribeAsync("chat:after")).Succeeded("subscribe"));
            Assert.True((await bob.SubscribeAsync("chat:after")).Succeeded("subscribe"));
            await Poll.UntilAsync(() => server.Node.Hub.UserClientCount("alice") == 1);
        }
    }

    [Fact]
    public async Task ConnectionLimit_Http503BeforeUpgrade_SlotReusableAfterClose()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.ConnectionLimit = 2);
        var first = await ConnectedAsync(server, "a");
        await using var second = await ConnectedAsync(server, "b");

        var (refused, status) = await RawClient.TryOpenAsync(server.WebSocketUrl);
        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);

        await first.DisposeAsync();
        RawClient? admitted = null;
        await Poll.UntilAsync(async () => (admitted = (await RawClient.TryOpenAsync(server.WebSocketUrl)).Client) is not null);
        await using (admitted)
        {
            Assert.True((await admitted!.ConnectAsync(server.Tokens.CreateConnectionToken("c"))).Succeeded("connect"));
        }
    }

    [Fact]
    public async Task ConnectionRateLimit_Http503WhenExceeded_AdmittedAgainLater()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.ConnectionRateLimit = 1);
        var opened = new List<RawClient>();
        try
        {
            // With one admission per second, two attempts in a row meet a refusal within a few tries.
            var refusedStatus = (HttpStatusCode)0;
            for (var attempt = 0; attempt < 50 && refusedStatus == 0; attempt++)
            {
                var (client, status) = await RawClient.TryOpenAsync(server.WebSocketUrl);
                if (client is null)
                {
                    refusedStatus = status;
                }
                else
                {
                    opened.Add(client);
                }
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedStatus);

            RawClient? admitted = null;
            await Poll.UntilAsync(async () => (admitted = (await RawClient.TryOpenAsync(server.WebSocketUrl)).Client) is not null);
            opened.Add(admitted!);
            Assert.True((await admitted!.ConnectAsync(server.Tokens.CreateConnectionToken("late"))).Succeeded("connect"));
        }
        finally
        {
            foreach (var client in opened)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task OneMegabyteToken_OverDefaultMessageLimit_Closed1009_ServerKeepsServing()
    {
        await using var server = await RelayTestServer.StartAsync();
        await using (var client = await RawClient.OpenAsync(server.WebSocketUrl))
        {
            var answer = await client.ConnectAsync(SecurityTokens.Hmac($$"""{"sub":"m","pad":"{{new string('a', 1024 * 1024)}}"}"""));
            Assert.Equal(1009, answer.CloseCode);
        }

        await using var next = await ConnectedAsync(server, "next");
    }

    private static async Task<RawClient> ConnectedAsync(RelayTestServer server, string user)
    {
        var client = await RawClient.OpenAsync(server.WebSocketUrl);
        var answer = await client.ConnectAsync(server.Tokens.CreateConnectionToken(user));
        Assert.True(answer.Succeeded("connect"), $"{user}: {answer}");
        return client;
    }
}
