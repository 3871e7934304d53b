using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// Credential options end to end: anonymous tokens and connections, <c>client.insecure</c>,
/// <c>user_id_http_header</c>, <c>user_id_claim</c> and <c>insecure_skip_token_signature_verify</c>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectionOptionsTests
{
    [Fact]
    public async Task AnonymousToken_AcceptedByDefault_Closed3507WhenDisallowed()
    {
        var token = SecurityTokens.Hmac("""{"sub":""}""");
        await using (var server = await RelayTestServer.StartAsync())
        {
            await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await client.ConnectAsync(token)).Succeeded("connect"));
        }

        await using (var server = await RelayTestServer.StartAsync(c => c.Client.DisallowAnonymousConnectionTokens = true))
        {
            await using var anonymous = await RawClient.OpenAsync(server.WebSocketUrl);
            var answer = await anonymous.ConnectAsync(token);
            Assert.Equal(3507, answer.CloseCode);
            Assert.Equal("permission denied", answer.CloseReason);

            await using var named = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await named.ConnectAsync(server.Tokens.CreateConnectionToken("alice"))).Succeeded("connect"));
        }
    }

    [Fact]
    public async Task NoCredentials_Closed3501_UnlessAnonymousConnectAllowed()
    {
        await using (var server = await RelayTestServer.StartAsync())
        {
            await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
            var answer = await client.ConnectAsync();
            Assert.Equal(3501, answer.CloseCode);
        }

        await using (var server = await RelayTestServer.StartAsync(c =>
        {
            c.Client.AllowAnonymousConnectWithoutToken = true;
            c.Channel.Namespaces.Find(n => n.Name == "chat")!.AllowSubscribeForAnonymous = true;
        }))
        {
            await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await client.ConnectAsync()).Succeeded("connect"));
            Assert.True((await client.SubscribeAsync("chat:lobby")).Succeeded("subscribe"));
            Assert.Equal(103, (await client.SubscribeAsync("news:x")).ErrorCode);
        }
    }

    [Fact]
    public async Task Insecure_NoTokenNeeded_NoPermissionChecks_NoExpiry()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Insecure = true);

        await using (var anonymous = await RawClient.OpenAsync(server.WebSocketUrl))
        {
            Assert.True((await anonymous.ConnectAsync()).Succeeded("connect"));
            Assert.True((await anonymous.SubscribeAsync("user:not-permitted-otherwise")).Succeeded("subscribe"));
        }

        await using var withToken = await RawClient.OpenAsync(server.WebSocketUrl);
        var connect = (await withToken.ConnectAsync(server.Tokens.CreateConnectionToken("alice", TimeSpan.FromMinutes(1)))).Result("connect");
        Assert.False(connect.TryGetProperty("expires", out _), connect.GetRawText());

        // A present token is still verified.
        await using var forged = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.Equal(3500, (await forged.ConnectAsync(SecurityTokens.Hmac("""{"sub":"x"}""", "wrong-secret-wrong-secret-wrong-secret"))).CloseCode);
    }

    [Fact]
    public async Task UserIdHttpHeader_SetsUserWithoutToken_TokenTakesPrecedence()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.UserIdHttpHeader = "X-Relay-User");
        var header = new Dictionary<string, string> { ["X-Relay-User"] = "from-header" };

        await using var byHeader = await RawClient.OpenAsync(server.WebSocketUrl, header);
        Assert.True((await byHeader.ConnectAsync()).Succeeded("connect"));
        Assert.Equal(1, server.Node.Hub.UserClientCount("from-header"));
        Assert.True((await byHeader.SubscribeAsync("user:inbox#from-header")).Succeeded("subscribe"));

        await using var byToken = await RawClient.OpenAsync(server.WebSocketUrl, header);
        Assert.True((await byToken.ConnectAsync(server.Tokens.CreateConnectionToken("from-token"))).Succeeded("connect"));
        Assert.Equal(1, server.Node.Hub.UserClientCount("from-token"));
        Assert.Equal(1, server.Node.Hub.UserClientCount("from-header"));

        await using var otherHeader = await RawClient.OpenAsync(server.WebSocketUrl, new Dictionary<string, string> { ["X-Other"] = "x" });
        Assert.Equal(3501, (await otherHeader.ConnectAsync()).CloseCode);
    }

    [Fact]
    public async Task UserIdHttpHeader_IgnoredWhenNotConfigured()
    {
        await using var server = await RelayTestServer.StartAsync();
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl, new Dictionary<string, string> { ["X-Relay-User"] = "admin" });

        Assert.Equal(3501, (await client.ConnectAsync()).CloseCode);
        Assert.Equal(0, server.Node.Hub.UserClientCount("admin"));
    }

    [Fact]
    public async Task UserIdClaim_UserTakenFromConfiguredClaim()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.UserIdClaim = "user_id");
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl);

        Assert.True((await client.ConnectAsync(SecurityTokens.Hmac("""{"sub":"ignored","user_id":"carol"}"""))).Succeeded("connect"));
        Assert.Equal(1, server.Node.Hub.UserClientCount("carol"));
        Assert.Equal(0, server.Node.Hub.UserClientCount("ignored"));
    }

    [Fact]
    public async Task InsecureSkipSignatureVerify_AnySignatureAccepted_LifetimeStillChecked()
    {
        await using var server = await RelayTestServer.StartAsync(c => c.Client.InsecureSkipTokenSignatureVerify = true);

        await using var forged = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await forged.ConnectAsync(SecurityTokens.Hmac("""{"sub":"dev"}""", "any-secret-any-secret-any-secret"))).Succeeded("connect"));

        await using var expired = await RawClient.OpenAsync(server.WebSocketUrl);
        var answer = await expired.ConnectAsync(SecurityTokens.Hmac($$"""{"sub":"dev","exp":{{SecurityTokens.Now - 60}}}""", "any-secret-any-secret-any-secret"));
        Assert.Equal(109, answer.ErrorCode);
    }
}
