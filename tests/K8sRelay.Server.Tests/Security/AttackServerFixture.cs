using System.Security.Cryptography;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// One server for a whole attack suite, so that every case also shows the server still serving afterwards:
/// HMAC and RSA keys, a required audience and issuer, and a WebSocket message limit large enough for the
/// 1 MB token to reach the token checks. A bystander connection stays open through all cases.
/// </summary>
public sealed class AttackServerFixture : IAsyncLifetime
{
    public const string Audience = "k8srelay";
    public const string Issuer = "https://auth.example";

    private RawClient? _bystander;
    private int _probe;

    /// <summary>The RSA key whose public half the server trusts.</summary>
    public RSA Rsa { get; } = RSA.Create(2048);

    public RelayTestServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var publicPem = Rsa.ExportSubjectPublicKeyInfoPem();
        Server = await RelayTestServer.StartAsync(config =>
        {
            config.Client.Token.RsaPublicKey = publicPem;
            config.Client.Token.Audience = Audience;
            config.Client.Token.Issuer = Issuer;
            config.Websocket.MessageSizeLimit = 2 * 1024 * 1024;
        });
        _bystander = await RawClient.OpenAsync(Server.WebSocketUrl);
        var connected = await _bystander.ConnectAsync(SecurityTokens.Hmac(Claims("bystander")));
        Assert.True(connected.Succeeded("connect"), connected.ToString());
    }

    /// <summary>A valid payload for <paramref name="user"/> with audience, issuer and a one-hour lifetime, plus extra members.</summary>
    public static string Claims(string user, string extra = "") =>
        $$"""{"sub":"{{user}}","aud":"{{Audience}}","iss":"{{Issuer}}","exp":{{SecurityTokens.Now + 3600}}{{extra}}}""";

    /// <summary>Asserts that the bystander is still served and that a new client still connects.</summary>
    public async Task AssertStillServingAsync()
    {
        var channel = $"chat:probe-{Interlocked.Increment(ref _probe)}";
        var probe = await _bystander!.SubscribeAsync(channel);
        Assert.True(probe.Succeeded("subscribe"), "bystander: " + probe);
        var left = await _bystander.RequestAsync(new Dictionary<string, string> { ["channel"] = channel }, "unsubscribe");
        Assert.True(left.Succeeded("unsubscribe"), "bystander: " + left);

        await using var fresh = await RawClient.OpenAsync(Server.WebSocketUrl);
        var connected = await fresh.ConnectAsync(SecurityTokens.Hmac(Claims("fresh")));
        Assert.True(connected.Succeeded("connect"), "fresh client: " + connected);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bystander is not null)
        {
            await _bystander.DisposeAsync();
        }

        await Server.DisposeAsync();
        Rsa.Dispose();
    }
}
