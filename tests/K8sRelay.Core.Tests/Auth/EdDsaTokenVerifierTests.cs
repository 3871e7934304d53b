using System.Security.Cryptography;
using K8sRelay.Core.Auth;
using Org.BouncyCastle.Crypto.Parameters;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>EdDSA (Ed25519) tokens verified with OKP keys served by a real JWKS endpoint.</summary>
public sealed class EdDsaTokenVerifierTests : IAsyncLifetime
{
    private const string Path = "/jwks.json";
    private readonly Ed25519PrivateKeyParameters _ed1 = EdDsaTestKeys.Generate();
    private readonly Ed25519PrivateKeyParameters _ed2 = EdDsaTestKeys.Generate();
    private JwksTestServer _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = JwksTestServer.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private JwtTokenVerifier Verifier(Action<TokenVerifierOptions>? configure = null)
    {
        var options = new TokenVerifierOptions { JwksPublicEndpoint = _server.BaseUrl + Path };
        configure?.Invoke(options);
        return new JwtTokenVerifier(options);
    }

    [Fact]
    public async Task ConnectionToken_Verified()
    {
        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed1, "ed1"));
        using var verifier = Verifier();
        var exp = TestTokens.Now() + 600;

        var claims = await verifier.Connect(EdDsaTestKeys.Token($$$"""{"sub":"alice","exp":{{{exp}}},"info":{"a":1}}""", _ed1, "ed1"));

        Assert.Equal("alice", claims.UserId);
        Assert.Equal(exp, claims.ExpireAt);
    }

    [Fact]
    public async Task SubscriptionToken_Verified()
    {
        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed1, "ed1"));
        using var verifier = Verifier();

        var claims = await verifier.Subscribe(EdDsaTestKeys.Token("""{"sub":"alice","channel":"news"}""", _ed1, "ed1"));

        Assert.Equal("news", claims.Channel);
        Assert.Equal("alice", claims.UserId);
    }

    [Fact]
    public async Task KeyChosenByKid_AmongEdDsaRsaAndEcKeys()
    {
        using var rsa = TestKeys.Rsa(0);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _server.Serve(
            Path,
            JwksTestServer.RsaJwk(rsa, "rsa"),
            EdDsaTestKeys.Jwk(_ed1, "ed1"),
            JwksTestServer.EcJwk(ecdsa, "ec"),
            EdDsaTestKeys.Jwk(_ed2, "ed2", "EdDSA"));
        using var verifier = Verifier();

        Assert.Equal("a", (await verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1"))).UserId);
        Assert.Equal("b", (await verifier.Connect(EdDsaTestKeys.Token("""{"sub":"b"}""", _ed2, "ed2"))).UserId);
        Assert.Equal("c", (await verifier.Connect(TestTokens.Rsa("""{"sub":"c"}""", rsa, kid: "rsa"))).UserId);
        Assert.Equal("d", (await verifier.Connect(TestTokens.Ecdsa("""{"sub":"d"}""", ecdsa, kid: "ec"))).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed2")).AsTask());
        Assert.Equal(1, _server.Requests(Path));
    }

    [Fact]
    public async Task KeyRotation_NewKidFetched_RemovedKeyRejected()
    {
        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed1, "ed1"));
        using var verifier = Verifier(o => o.JwksMinRefreshInterval = TimeSpan.Zero);
        Assert.Equal("a", (await verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1"))).UserId);

        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed2, "ed2"));

        Assert.Equal("b", (await verifier.Connect(EdDsaTestKeys.Token("""{"sub":"b"}""", _ed2, "ed2"))).UserId);
        Assert.Equal(2, _server.Requests(Path));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1")).AsTask());
    }

    [Fact]
    public async Task JwkAlgOtherThanEdDsa_Rejected()
    {
        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed1, "ed1", "ES256"));
        using var verifier = Verifier();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1")).AsTask());
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public async Task MalformedOkpKeyLength_Rejected(int length)
    {
        _server.Serve(Path, EdDsaTestKeys.RawJwk(new byte[length], "ed1"), EdDsaTestKeys.Jwk(_ed2, "ed2"));
        using var verifier = Verifier();

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1")).AsTask());
        Assert.Contains("JWKS key cannot be used", ex.Message, StringComparison.Ordinal);

        // The bad key does not spoil the rest of the set.
        Assert.Equal("b", (await verifier.Connect(EdDsaTestKeys.Token("""{"sub":"b"}""", _ed2, "ed2"))).UserId);
    }

    [Fact]
    public async Task EdDsaWithoutJwks_Rejected()
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(EdDsaTestKeys.Token("""{"sub":"a"}""", _ed1, "ed1")).AsTask());
    }

    [Fact]
    public async Task ConcurrentVerification_AllSucceed()
    {
        _server.Serve(Path, EdDsaTestKeys.Jwk(_ed1, "ed1"));
        using var verifier = Verifier();
        var tokens = Enumerable.Range(0, 64).Select(i => EdDsaTestKeys.Token($$"""{"sub":"u{{i}}"}""", _ed1, "ed1")).ToArray();

        var users = await Task.WhenAll(tokens.Select(async t => (await verifier.Connect(t)).UserId));

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"u{i}"), users);
    }
}
