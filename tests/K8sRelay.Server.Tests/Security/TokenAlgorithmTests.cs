using System.Security.Cryptography;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// Signing algorithms and key settings end to end: RSA and ECDSA PEM keys generated in the test, HMAC
/// rotation with <c>hmac_previous_secret_key</c>, and separate <c>client.subscription_token</c> settings.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TokenAlgorithmTests
{
    private const string PreviousSecret = "previous-hmac-secret-being-rotated-out-0123456789";

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task RsaConnectionToken_Verified_OtherKeyRejected(string alg)
    {
        using var rsa = RSA.Create(2048);
        using var other = RSA.Create(2048);
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem());

        await using var genuine = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await genuine.ConnectAsync(SecurityTokens.Rsa("""{"sub":"alice"}""", rsa, alg))).Succeeded("connect"));

        await using var forged = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.Equal(3500, (await forged.ConnectAsync(SecurityTokens.Rsa("""{"sub":"alice"}""", other, alg))).CloseCode);
    }

    [Theory]
    [InlineData("nistP256", "ES256")]
    [InlineData("nistP384", "ES384")]
    [InlineData("nistP521", "ES512")]
    public async Task EcdsaSubscriptionToken_Verified_AttackerKeyRejected(string curve, string alg)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        await using var server = await RelayTestServer.StartAsync(c => c.Client.Token.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem());
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await client.ConnectAsync(server.Tokens.CreateConnectionToken("alice"))).Succeeded("connect"));

        var genuine = await client.SubscribeAsync("$priv:a", SecurityTokens.Ecdsa("""{"sub":"alice","channel":"$priv:a"}""", ecdsa, alg));
        Assert.True(genuine.Succeeded("subscribe"), genuine.ToString());

        using var attacker = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        var forged = await client.SubscribeAsync("$priv:b", SecurityTokens.Ecdsa("""{"sub":"alice","channel":"$priv:b"}""", attacker, alg));
        Assert.Equal(103, forged.ErrorCode);
    }

    [Fact]
    public async Task HmacRotation_PreviousSecretAcceptedUntilValidUntil()
    {
        await using (var server = await RelayTestServer.StartAsync(c => c.Client.Token.HmacPreviousSecretKey = PreviousSecret))
        {
            await using var current = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await current.ConnectAsync(SecurityTokens.Hmac("""{"sub":"a"}"""))).Succeeded("connect"));
            await using var previous = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await previous.ConnectAsync(SecurityTokens.Hmac("""{"sub":"a"}""", PreviousSecret))).Succeeded("connect"));
        }

        await using (var server = await RelayTestServer.StartAsync(c =>
        {
            c.Client.Token.HmacPreviousSecretKey = PreviousSecret;
            c.Client.Token.HmacPreviousSecretKeyValidUntil = SecurityTokens.Now - 60;
        }))
        {
            await using var previous = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.Equal(3500, (await previous.ConnectAsync(SecurityTokens.Hmac("""{"sub":"a"}""", PreviousSecret))).CloseCode);
            await using var current = await RawClient.OpenAsync(server.WebSocketUrl);
            Assert.True((await current.ConnectAsync(SecurityTokens.Hmac("""{"sub":"a"}"""))).Succeeded("connect"));
        }
    }

    [Fact]
    public async Task SeparateSubscriptionTokenSettings_OnlySubscriptionKeyAccepted()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var server = await RelayTestServer.StartAsync(c =>
        {
            c.Client.SubscriptionToken.Enabled = true;
            c.Client.SubscriptionToken.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem();
        });
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await client.ConnectAsync(server.Tokens.CreateConnectionToken("alice"))).Succeeded("connect"));

        var withConnectionSecret = await client.SubscribeAsync("$priv:a", server.Tokens.CreateSubscriptionToken("alice", "$priv:a"));
        var withSubscriptionKey = await client.SubscribeAsync("$priv:b", SecurityTokens.Ecdsa("""{"sub":"alice","channel":"$priv:b"}""", ecdsa));

        Assert.Equal(103, withConnectionSecret.ErrorCode);
        Assert.True(withSubscriptionKey.Succeeded("subscribe"), withSubscriptionKey.ToString());

        // An ECDSA connection token is not accepted: the subscription key is for subscriptions only.
        await using var second = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.Equal(3500, (await second.ConnectAsync(SecurityTokens.Ecdsa("""{"sub":"alice"}""", ecdsa))).CloseCode);
    }
}
