using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// Subscription tokens over the wire: a token for another user, channel or client ends the connection with
/// 3500; a badly signed or malformed one is refused with 103, an expired one with 109; the server keeps serving.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SubscriptionTokenAttackTests : IAsyncLifetime
{
    private const string Channel = "$priv:secret";
    private const string User = "alice";
    private RelayTestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await RelayTestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, int?, int?> Attacks => new()
    {
        { "other-user", 3500, null },
        { "other-channel", 3500, null },
        { "other-client", 3500, null },
        { "wrong-secret", null, 103 },
        { "alg-none", null, 103 },
        { "connection-token", null, 103 },
        { "channel-is-number", null, 103 },
        { "json-bomb", null, 103 },
        { "truncated", null, 103 },
        { "expired", null, 109 },
        { "no-token", null, 103 },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_AnsweredWithProtocolCode_ServerKeepsServing(string attack, int? closeCode, int? errorCode)
    {
        await using (var client = await RawClient.OpenAsync(_server.WebSocketUrl))
        {
            var connected = await client.ConnectAsync(_server.Tokens.CreateConnectionToken(User, TimeSpan.FromHours(1)));
            Assert.True(connected.Succeeded("connect"), connected.ToString());

            var answer = await client.SubscribeAsync(Channel, Build(attack));

            Assert.False(answer.Succeeded("subscribe"), $"{attack} was accepted: {answer}");
            Assert.Equal(closeCode, answer.CloseCode);
            Assert.Equal(errorCode, answer.ErrorCode);
        }

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task GenuineTokens_PlainAndBoundToClient_Accepted()
    {
        await using var client = await RawClient.OpenAsync(_server.WebSocketUrl);
        var connected = await client.ConnectAsync(_server.Tokens.CreateConnectionToken(User, TimeSpan.FromHours(1)));
        var clientId = connected.Result("connect").GetProperty("client").GetString()!;

        var plain = await client.SubscribeAsync(Channel, _server.Tokens.CreateSubscriptionToken(User, Channel, TimeSpan.FromHours(1)));
        var bound = await client.SubscribeAsync("$priv:bound", _server.Tokens.CreateSubscriptionToken(User, "$priv:bound", TimeSpan.FromHours(1), clientId));

        Assert.True(plain.Succeeded("subscribe"), plain.ToString());
        Assert.True(bound.Succeeded("subscribe"), bound.ToString());
    }

    private string? Build(string attack)
    {
        var exp = SecurityTokens.Now + 3600;
        return attack switch
        {
            "other-user" => _server.Tokens.CreateSubscriptionToken("mallory", Channel, TimeSpan.FromHours(1)),
            "other-channel" => _server.Tokens.CreateSubscriptionToken(User, "$priv:other", TimeSpan.FromHours(1)),
            "other-client" => _server.Tokens.CreateSubscriptionToken(User, Channel, TimeSpan.FromHours(1), Guid.NewGuid().ToString()),
            "wrong-secret" => SecurityTokens.Hmac($$"""{"sub":"{{User}}","channel":"{{Channel}}"}""", "guessed-secret-guessed-secret-guessed"),
            "alg-none" => SecurityTokens.Raw("""{"alg":"none"}""", $$"""{"sub":"{{User}}","channel":"{{Channel}}"}"""),
            "connection-token" => _server.Tokens.CreateConnectionToken(User, TimeSpan.FromHours(1)),
            "channel-is-number" => SecurityTokens.Hmac($$"""{"sub":"{{User}}","channel":7}"""),
            "json-bomb" => SecurityTokens.Hmac($$"""{"sub":"{{User}}","channel":"{{Channel}}","info":{{new string('[', 5000)}}{{new string(']', 5000)}}}"""),
            "truncated" => _server.Tokens.CreateSubscriptionToken(User, Channel, TimeSpan.FromHours(1))[..^12],
            "expired" => SecurityTokens.Hmac($$"""{"sub":"{{User}}","channel":"{{Channel}}","exp":{{exp - 7200}}}"""),
            "no-token" => null,
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "unknown attack"),
        };
    }

    private async Task AssertStillServingAsync()
    {
        await using var client = await RawClient.OpenAsync(_server.WebSocketUrl);
        var connected = await client.ConnectAsync(_server.Tokens.CreateConnectionToken("bob", TimeSpan.FromHours(1)));
        Assert.True(connected.Succeeded("connect"), connected.ToString());
        var subscribed = await client.SubscribeAsync("$priv:bob", _server.Tokens.CreateSubscriptionToken("bob", "$priv:bob", TimeSpan.FromHours(1)));
        Assert.True(subscribed.Succeeded("subscribe"), subscribed.ToString());
    }
}
