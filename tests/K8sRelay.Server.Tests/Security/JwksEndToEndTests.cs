using System.Security.Cryptography;
using K8sRelay.Server.Tests.Fixtures;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// <c>jwks_public_endpoint</c> end to end, with the key set served by a real HTTP listener: RSA, ECDSA and
/// EdDSA keys chosen by <c>kid</c>, keys rotated during the test, unknown and forged keys, and an endpoint that
/// is down or slow (connect and subscribe answered with the temporary 100, without hanging).
/// </summary>
[Trait("Category", "Integration")]
public sealed class JwksEndToEndTests : IAsyncLifetime
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters _ed = SecurityTokens.NewEd25519Key();
    private JwksEndpoint _jwks = null!;

    public ValueTask InitializeAsync()
    {
        _jwks = JwksEndpoint.Start();
        _jwks.Serve(JwksEndpoint.RsaJwk(_rsa, "rsa-1"), JwksEndpoint.EcJwk(_ecdsa, "ec-1"), JwksEndpoint.Ed25519Jwk(_ed, "ed-1"));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _jwks.DisposeAsync();
        _rsa.Dispose();
        _ecdsa.Dispose();
    }

    [Fact]
    public async Task RsaEcdsaAndEdDsaTokens_KeyChosenByKid()
    {
        await using var server = await StartAsync(_jwks.Url);

        foreach (var token in new[]
        {
            SecurityTokens.Rsa("""{"sub":"alice"}""", _rsa, kid: "rsa-1"),
            SecurityTokens.Ecdsa("""{"sub":"alice"}""", _ecdsa, kid: "ec-1"),
            SecurityTokens.EdDsa("""{"sub":"alice"}""", _ed, "ed-1"),
        })
        {
            await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
            var answer = await client.ConnectAsync(token);
            Assert.True(answer.Succeeded("connect"), answer.ToString());
            var sub = await client.SubscribeAsync("$priv:x", SecurityTokens.EdDsa("""{"sub":"alice","channel":"$priv:x"}""", _ed, "ed-1"));
            Assert.True(sub.Succeeded("subscribe"), sub.ToString());
        }
    }

    [Theory]
    [InlineData("unknown-kid")]
    [InlineData("eddsa-other-key")]
    [InlineData("eddsa-tampered")]
    [InlineData("hs256-keyed-with-okp-x")]
    [InlineData("eddsa-naming-rsa-kid")]
    [InlineData("no-kid")]
    public async Task ForgedOrUnknown_Closed3500_ServerKeepsServing(string attack)
    {
        await using var server = await StartAsync(_jwks.Url);
        var token = attack switch
        {
            "unknown-kid" => SecurityTokens.Rsa("""{"sub":"m"}""", _rsa, kid: "nobody"),
            "eddsa-other-key" => SecurityTokens.EdDsa("""{"sub":"m"}""", SecurityTokens.NewEd25519Key(), "ed-1"),
            "eddsa-tampered" => Tamper(SecurityTokens.EdDsa("""{"sub":"m"}""", _ed, "ed-1")),
            "hs256-keyed-with-okp-x" => SecurityTokens.HmacWithKey("""{"sub":"m"}""", _ed.GeneratePublicKey().GetEncoded(), kid: "ed-1"),
            "eddsa-naming-rsa-kid" => SecurityTokens.EdDsa("""{"sub":"m"}""", _ed, "rsa-1"),
            "no-kid" => SecurityTokens.Rsa("""{"sub":"m"}""", _rsa),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        await using (var client = await RawClient.OpenAsync(server.WebSocketUrl))
        {
            Assert.Equal(3500, (await client.ConnectAsync(token)).CloseCode);
        }

        await using var genuine = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await genuine.ConnectAsync(SecurityTokens.EdDsa("""{"sub":"ok"}""", _ed, "ed-1"))).Succeeded("connect"));
    }

    [Fact]
    public async Task KeysRotatedDuringTheTest_NewKidAccepted()
    {
        await using var server = await StartAsync(_jwks.Url);
        await using (var before = await RawClient.OpenAsync(server.WebSocketUrl))
        {
            Assert.True((await before.ConnectAsync(SecurityTokens.EdDsa("""{"sub":"a"}""", _ed, "ed-1"))).Succeeded("connect"));
        }

        var rotated = SecurityTokens.NewEd25519Key();
        _jwks.Serve(JwksEndpoint.Ed25519Jwk(rotated, "ed-2"));

        // The key set is fetched again for an unknown kid, at most once per refresh interval.
        await Poll.UntilAsync(
            async () =>
            {
                await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
                return (await client.ConnectAsync(SecurityTokens.EdDsa("""{"sub":"b"}""", rotated, "ed-2"))).Succeeded("connect");
            },
            interval: 250);
        Assert.True(_jwks.Requests >= 2);
    }

    [Fact]
    public async Task EndpointDown_ConnectAnsweredTemporary100_ServerKeepsServing()
    {
        await using var server = await StartAsync(JwksEndpoint.UnusedUrl(), anonymous: true);

        await using (var client = await RawClient.OpenAsync(server.WebSocketUrl))
        {
            var answer = await client.ConnectAsync(SecurityTokens.EdDsa("""{"sub":"a"}""", _ed, "ed-1"));
            Assert.Equal(100, answer.ErrorCode);
            Assert.True(answer.Temporary);

            // The connection is unusable after a connect error: the next command ends it with 3501.
            Assert.Equal(3501, (await client.SubscribeAsync("chat:x")).CloseCode);
        }

        await using var anonymous = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await anonymous.ConnectAsync()).Succeeded("connect"));
    }

    [Fact]
    public async Task EndpointSlow_ConnectAnsweredTemporary100_NoHang()
    {
        _jwks.Delay = TimeSpan.FromMinutes(5);
        await using var server = await StartAsync(_jwks.Url);
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl);

        // RawClient waits at most 30 seconds; the server gives up on the key set after its own timeouts.
        var answer = await client.ConnectAsync(SecurityTokens.Rsa("""{"sub":"a"}""", _rsa, kid: "rsa-1"));

        Assert.Equal(100, answer.ErrorCode);
        Assert.True(answer.Temporary);
    }

    [Fact]
    public async Task SubscriptionJwksDown_SubscribeAnsweredTemporary100_ConnectionKeptServing()
    {
        _jwks.StatusCode = 503;
        await using var server = await RelayTestServer.StartAsync(c =>
        {
            c.Client.SubscriptionToken.Enabled = true;
            c.Client.SubscriptionToken.JwksPublicEndpoint = _jwks.Url;
        });
        await using var client = await RawClient.OpenAsync(server.WebSocketUrl);
        Assert.True((await client.ConnectAsync(server.Tokens.CreateConnectionToken("alice"))).Succeeded("connect"));

        var answer = await client.SubscribeAsync("$priv:x", SecurityTokens.EdDsa("""{"sub":"alice","channel":"$priv:x"}""", _ed, "ed-1"));

        Assert.Equal(100, answer.ErrorCode);
        Assert.True(answer.Temporary);
        Assert.True((await client.SubscribeAsync("chat:open")).Succeeded("subscribe"));
    }

    private static Task<RelayTestServer> StartAsync(string jwksUrl, bool anonymous = false) =>
        RelayTestServer.StartAsync(c =>
        {
            c.Client.Token.HmacSecretKey = "";
            c.Client.Token.JwksPublicEndpoint = jwksUrl;
            c.Client.AllowAnonymousConnectWithoutToken = anonymous;
            c.Channel.Namespaces.Find(n => n.Name == "chat")!.AllowSubscribeForAnonymous = anonymous;
        });

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        return parts[0] + "." + SecurityTokens.Encode("""{"sub":"admin"}""") + "." + parts[2];
    }
}
