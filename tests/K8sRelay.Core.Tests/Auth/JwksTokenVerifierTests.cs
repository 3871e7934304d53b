using System.Diagnostics;
using System.Security.Cryptography;
using K8sRelay.Core.Auth;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Auth;

public sealed class JwksTokenVerifierTests : IAsyncLifetime
{
    private const string Path = "/jwks.json";
    private readonly RSA _rsa1 = TestKeys.Rsa(0);
    private readonly RSA _rsa2 = TestKeys.Rsa(1);
    private JwksTestServer _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = JwksTestServer.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _rsa1.Dispose();
        _rsa2.Dispose();
    }

    private JwtTokenVerifier Verifier(TimeProvider? time = null, Action<TokenVerifierOptions>? configure = null)
    {
        var options = new TokenVerifierOptions { JwksPublicEndpoint = _server.BaseUrl + Path };
        configure?.Invoke(options);
        return new JwtTokenVerifier(options, timeProvider: time);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task Rsa_KeyChosenByKid(string algorithm)
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"), JwksTestServer.RsaJwk(_rsa2, "k2"));
        using var verifier = Verifier();

        Assert.Equal("a", (await verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, algorithm, "k1"))).UserId);
        Assert.Equal("b", (await verifier.Connect(TestTokens.Rsa("""{"sub":"b"}""", _rsa2, algorithm, "k2"))).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, algorithm, "k2")).AsTask());
        Assert.Equal(1, _server.Requests(Path));
    }

    [Theory]
    [InlineData("nistP256", "ES256")]
    [InlineData("nistP384", "ES384")]
    [InlineData("nistP521", "ES512")]
    public async Task Ecdsa_KeyChosenByKid(string curve, string algorithm)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        _server.Serve(Path, JwksTestServer.EcJwk(ecdsa, "ec"));
        using var verifier = Verifier();

        Assert.Equal("c", (await verifier.Subscribe(TestTokens.Ecdsa("""{"sub":"u","channel":"c"}""", ecdsa, algorithm, "ec"))).Channel);
    }

    [Fact]
    public async Task Ed448Key_RejectedAsUnsupported()
    {
        _server.Serve(Path, EdDsaTestKeys.RawJwk(new byte[57], "ed", "Ed448"));
        using var verifier = Verifier();
        var token = TestTokens.Raw("""{"alg":"EdDSA","kid":"ed"}""", """{"sub":"1"}""", TestTokens.Encode(new string('s', 114)));

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        Assert.Contains("Ed25519", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenWithoutKid_Invalid()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1)).AsTask());
        Assert.Equal(0, _server.Requests(Path));
    }

    [Fact]
    public async Task HmacTokenNamingJwksKid_InvalidAlgorithmConfusion()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier(configure: o => o.HmacSecretKey = TestTokens.Secret);

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"sub":"a"}""", kid: "k1")).AsTask());
    }

    [Fact]
    public async Task JwkAlgMember_MustEqualTokenAlgorithm()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1", "RS512"));
        using var verifier = Verifier();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, "RS256", "k1")).AsTask());
        Assert.Equal("a", (await verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, "RS512", "k1"))).UserId);
    }

    [Fact]
    public async Task KeyRotation_NewKidTriggersRefresh_RemovedKeyRejected()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier(configure: o => o.JwksMinRefreshInterval = TimeSpan.Zero);
        Assert.Equal("a", (await verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1"))).UserId);

        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa2, "k2"));

        Assert.Equal("b", (await verifier.Connect(TestTokens.Rsa("""{"sub":"b"}""", _rsa2, kid: "k2"))).UserId);
        Assert.Equal(2, _server.Requests(Path));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1")).AsTask());
    }

    [Fact]
    public async Task UnknownKids_RefreshRateLimited()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier(time, o => o.JwksMinRefreshInterval = TimeSpan.FromSeconds(30));
        await verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1"));

        for (var i = 0; i < 50; i++)
        {
            var token = TestTokens.Rsa("""{"sub":"x"}""", _rsa2, kid: $"attacker-{i}");
            await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        }

        Assert.Equal(1, _server.Requests(Path));

        time.Advance(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"x"}""", _rsa2, kid: "attacker-late")).AsTask());
        Assert.Equal(2, _server.Requests(Path));
    }

    [Fact]
    public async Task Cache_KeptForOneHourThenRefetched()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier(time);
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");

        await verifier.Connect(token);
        time.Advance(TimeSpan.FromMinutes(59));
        await verifier.Connect(token);
        Assert.Equal(1, _server.Requests(Path));

        time.Advance(TimeSpan.FromMinutes(2));
        await verifier.Connect(token);
        Assert.Equal(2, _server.Requests(Path));
    }

    [Fact]
    public async Task ConcurrentColdCache_OneDownload()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        _server.Delay = TimeSpan.FromMilliseconds(200);
        using var verifier = Verifier();
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => verifier.Connect(token).AsTask()));

        Assert.All(results, claims => Assert.Equal("a", claims.UserId));
        Assert.Equal(1, _server.Requests(Path));
    }

    [Fact]
    public async Task EndpointDown_UnavailableQuickly()
    {
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions { JwksPublicEndpoint = JwksTestServer.UnusedUrl() });
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TokenVerificationUnavailableException>(() => verifier.Connect(token).AsTask());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task EndpointSlow_TimesOutAfterOneRetryWithoutHanging()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        _server.Delay = TimeSpan.FromSeconds(30);
        using var verifier = Verifier();
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TokenVerificationUnavailableException>(() => verifier.Connect(token).AsTask());

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
        Assert.Equal(2, _server.Requests(Path));
    }

    [Fact]
    public async Task EndpointSlow_CallerCancellationHonoured()
    {
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        _server.Delay = TimeSpan.FromSeconds(30);
        using var verifier = Verifier();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => verifier.VerifyConnectTokenAsync(token, cancel.Token).AsTask());
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(200, "not json")]
    [InlineData(200, """{"nokeys":[]}""")]
    public async Task EndpointFailingOrGarbage_Unavailable(int status, string? body)
    {
        _server.StatusCode = status;
        if (body is not null)
        {
            _server.ServeRaw(Path, body);
        }

        using var verifier = Verifier();

        await Assert.ThrowsAsync<TokenVerificationUnavailableException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1")).AsTask());
        Assert.Equal(status == 500 ? 2 : 1, _server.Requests(Path));
    }

    [Fact]
    public async Task EndpointDownAfterCacheExpiry_LastGoodKeysStillUsed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.Serve(Path, JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = Verifier(time);
        var token = TestTokens.Rsa("""{"sub":"a"}""", _rsa1, kid: "k1");
        await verifier.Connect(token);

        _server.StatusCode = 503;
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal("a", (await verifier.Connect(token)).UserId);
        await Assert.ThrowsAsync<TokenVerificationUnavailableException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"b"}""", _rsa2, kid: "k2")).AsTask());
    }

    [Fact]
    public async Task TemplatedUrl_FilledFromIssuerRegexGroup()
    {
        _server.Serve("/acme/jwks.json", JwksTestServer.RsaJwk(_rsa1, "k1"));
        _server.Serve("/globex/jwks.json", JwksTestServer.RsaJwk(_rsa2, "k1"));
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions
        {
            JwksPublicEndpoint = _server.BaseUrl + "/{{tenant}}/jwks.json",
            IssuerRegex = "^https://(?<tenant>acme|globex)\\.example$",
        });

        Assert.Equal("a", (await verifier.Connect(TestTokens.Rsa("""{"sub":"a","iss":"https://acme.example"}""", _rsa1, kid: "k1"))).UserId);
        Assert.Equal("g", (await verifier.Connect(TestTokens.Rsa("""{"sub":"g","iss":"https://globex.example"}""", _rsa2, kid: "k1"))).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"x","iss":"https://globex.example"}""", _rsa1, kid: "k1")).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"x","iss":"https://evil.example"}""", _rsa1, kid: "k1")).AsTask());
        Assert.Equal(1, _server.Requests("/acme/jwks.json"));
        Assert.Equal(1, _server.Requests("/globex/jwks.json"));
    }

    [Fact]
    public async Task TemplatedUrl_FilledFromAudienceRegexGroup()
    {
        _server.Serve("/keys/prod", JwksTestServer.RsaJwk(_rsa1, "k1"));
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions
        {
            JwksPublicEndpoint = _server.BaseUrl + "/keys/{{env}}",
            // Go's named group syntax, as in Centrifugo configs.
            AudienceRegex = "^relay-(?P<env>prod|stage)$",
        });

        Assert.Equal("a", (await verifier.Connect(TestTokens.Rsa("""{"sub":"a","aud":["x","relay-prod"]}""", _rsa1, kid: "k1"))).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a","aud":"relay-dev"}""", _rsa1, kid: "k1")).AsTask());
    }
}
