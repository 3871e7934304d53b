using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using K8sRelay.Core.Auth;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>Known JWT attacks and malformed input: each is rejected with the right exception and nothing else.</summary>
public sealed class TokenAttackTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("")]
    public async Task AlgNone_Invalid(string alg)
    {
        using var verifier = VerifierFactory.Hmac();
        var header = $$"""{"alg":"{{alg}}","typ":"JWT"}""";

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Raw(header, """{"sub":"admin"}""")).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Raw(header, """{"sub":"admin"}""", "c2ln")).AsTask());
    }

    [Fact]
    public async Task AlgNoneHeaderMissing_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Raw("""{"typ":"JWT"}""", """{"sub":"admin"}""")).AsTask());
    }

    [Fact]
    public async Task AlgorithmConfusion_Hs256SignedWithRsaPublicKeyPem_Invalid()
    {
        using var rsa = TestKeys.Rsa(0);
        var publicPem = rsa.ExportSubjectPublicKeyInfoPem();
        var forged = TestTokens.HmacRaw("""{"sub":"admin"}""", Encoding.UTF8.GetBytes(publicPem));

        using var rsaOnly = VerifierFactory.With(o => o.RsaPublicKey = publicPem);
        await Assert.ThrowsAsync<InvalidTokenException>(() => rsaOnly.Connect(forged).AsTask());

        using var rsaAndHmac = VerifierFactory.With(o =>
        {
            o.RsaPublicKey = publicPem;
            o.HmacSecretKey = TestTokens.Secret;
        });
        await Assert.ThrowsAsync<InvalidTokenException>(() => rsaAndHmac.Connect(forged).AsTask());
    }

    [Fact]
    public async Task EmbeddedJwkHeader_AttackerKeyIgnored()
    {
        using var trusted = TestKeys.Rsa(0);
        using var attacker = TestKeys.Rsa(1);
        var attackerParameters = attacker.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(attackerParameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(attackerParameters.Exponent!),
        };
        var credentials = new SigningCredentials(new RsaSecurityKey(attacker), "RS256")
        {
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var forged = handler.CreateToken("""{"sub":"admin"}""", credentials, new Dictionary<string, object> { ["jwk"] = jwk });
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = trusted.ExportSubjectPublicKeyInfoPem());

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(forged).AsTask());
    }

    [Fact]
    public async Task Expired_TokenExpired()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac($$"""{"sub":"1","exp":{{TestTokens.Now() - 1}}}""");

        await Assert.ThrowsAsync<TokenExpiredException>(() => verifier.Connect(token).AsTask());
        await Assert.ThrowsAsync<TokenExpiredException>(
            () => verifier.Subscribe(TestTokens.Hmac($$"""{"sub":"1","channel":"c","exp":{{TestTokens.Now() - 1}}}""")).AsTask());
    }

    [Fact]
    public async Task NotBeforeInFuture_TokenExpired()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac($$"""{"sub":"1","nbf":{{TestTokens.Now() + 3600}}}""");

        await Assert.ThrowsAsync<TokenExpiredException>(() => verifier.Connect(token).AsTask());
    }

    [Fact]
    public async Task ExpiredWithBadSignature_InvalidNotExpired()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac($$"""{"sub":"1","exp":{{TestTokens.Now() - 100}}}""", "other-secret-0123456789-abcdefghij");

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
    }

    [Fact]
    public async Task ChannelClaimInConnectionToken_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();
        var subscriptionToken = TestTokens.Hmac("""{"sub":"1","channel":"$secret"}""");

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(subscriptionToken).AsTask());
        Assert.Contains("channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionTokenUsedAsSubscriptionToken_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Subscribe(TestTokens.Hmac("""{"sub":"1","channels":["c"]}""")).AsTask());
    }

    [Fact]
    public async Task SubscriptionTokenForOtherChannelUserOrClient_NotGranted()
    {
        using var verifier = VerifierFactory.Hmac();
        var claims = await verifier.Subscribe(TestTokens.Hmac("""{"sub":"alice","channel":"$alice","client":"c-a"}"""));

        Assert.True(claims.Grants("$alice", "alice", "c-a"));
        Assert.False(claims.Grants("$bob", "alice", "c-a"));
        Assert.False(claims.Grants("$alice", "bob", "c-a"));
        Assert.False(claims.Grants("$alice", "alice", "c-b"));
    }

    public static TheoryData<string> Malformed()
    {
        var valid = TestTokens.Hmac("""{"sub":"1"}""");
        var parts = valid.Split('.');
        return new TheoryData<string>
        {
            string.Empty,
            " ",
            "abc",
            parts[0],
            parts[0] + "." + parts[1],
            parts[0] + "." + parts[1] + ".",
            valid[..^5],
            valid + "A",
            "@@@." + parts[1] + "." + parts[2],
            parts[0] + ".@@@." + parts[2],
            parts[0] + "." + parts[1] + ".@@@",
            parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2] + "." + parts[2],
            "..",
            "....",
            TestTokens.Raw("not json", """{"sub":"1"}""", parts[2]),
            TestTokens.Raw("""{"alg":"HS256"}""", "not json", parts[2]),
            TestTokens.Raw("""{"alg":"HS256"}""", """["array"]""", parts[2]),
            TestTokens.Raw("""{"alg":"HS256"}""", "\"string\"", parts[2]),
            new string('.', 3) + "\u0000",
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedTokens_Invalid(string token)
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Subscribe(token).AsTask());
    }

    [Fact]
    public async Task OneMegabyteToken_RejectedFast()
    {
        using var verifier = VerifierFactory.Hmac();
        var huge = TestTokens.Hmac($$"""{"sub":"1","info":"{{new string('x', 1024 * 1024)}}"}""");
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(huge).AsTask());

        Assert.Contains("longer", ex.Message, StringComparison.Ordinal);
        Assert.True(watch.ElapsedMilliseconds < 500, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task MaxTokenLength_Configurable()
    {
        var token = TestTokens.Hmac($$"""{"sub":"1","info":"{{new string('x', 2000)}}"}""");
        using var small = VerifierFactory.Hmac(configure: o => o.MaxTokenLength = 1000);
        using var large = VerifierFactory.Hmac(configure: o => o.MaxTokenLength = 4000);

        await Assert.ThrowsAsync<InvalidTokenException>(() => small.Connect(token).AsTask());
        Assert.Equal("1", (await large.Connect(token)).UserId);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(5000)]
    public async Task DeeplyNestedClaims_Invalid(int depth)
    {
        using var verifier = VerifierFactory.Hmac();
        var nested = new string('[', depth) + new string(']', depth);
        var token = TestTokens.Raw("""{"alg":"HS256"}""", $$"""{"sub":"1","info":{{nested}}}""", "AAAA");

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac($$"""{"sub":"1","meta":{{nested.Replace("[]", "{}", StringComparison.Ordinal)}}}""")).AsTask());
    }

    [Fact]
    public async Task HugeArrayWithinSizeLimit_HandledQuickly()
    {
        using var verifier = VerifierFactory.Hmac();
        var channels = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"{i}\""));
        var token = TestTokens.Hmac($$"""{"sub":"1","channels":[{{channels}}],"info":[{{new string('0', 1) + string.Concat(Enumerable.Repeat(",0", 3000))}}]}""");
        var watch = Stopwatch.StartNew();

        var claims = await verifier.Connect(token);

        Assert.Equal(5000, claims.Channels.Count);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task DuplicateClaims_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"sub":"user","sub":"admin"}""")).AsTask());
    }

    [Theory]
    [InlineData("""{"sub":42}""")]
    [InlineData("""{"sub":{"id":"1"}}""")]
    [InlineData("""{"sub":["1"]}""")]
    [InlineData("""{"sub":true}""")]
    [InlineData("""{"exp":"2000000000"}""")]
    [InlineData("""{"nbf":"1"}""")]
    [InlineData("""{"exp":1e300}""")]
    [InlineData("""{"iss":5}""")]
    [InlineData("""{"aud":5}""")]
    [InlineData("""{"aud":[5]}""")]
    [InlineData("""{"aud":{"a":"b"}}""")]
    [InlineData("""{"channels":"news"}""")]
    [InlineData("""{"channels":{"a":1}}""")]
    [InlineData("""{"channels":[1,2]}""")]
    [InlineData("""{"channels":[null]}""")]
    [InlineData("""{"subs":["news"]}""")]
    [InlineData("""{"subs":{"news":5}}""")]
    [InlineData("""{"subs":{"news":{"b64data":7}}}""")]
    [InlineData("""{"subs":{"news":{"override":true}}}""")]
    [InlineData("""{"subs":{"news":{"override":{"presence":true}}}}""")]
    [InlineData("""{"subs":{"news":{"override":{"presence":{"value":"yes"}}}}}""")]
    [InlineData("""{"b64info":5}""")]
    [InlineData("""{"b64info":"not base64!"}""")]
    [InlineData("""{"expire_at":"0"}""")]
    [InlineData("""{"expire_at":1.5}""")]
    [InlineData("""{"channel":5}""")]
    public async Task WrongClaimTypes_ConnectionToken_Invalid(string payload)
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(TestTokens.Hmac(payload)).AsTask());
    }

    [Theory]
    [InlineData("""{"sub":"1","channel":5}""")]
    [InlineData("""{"sub":"1","channel":["c"]}""")]
    [InlineData("""{"sub":"1","channel":""}""")]
    [InlineData("""{"sub":1,"channel":"c"}""")]
    [InlineData("""{"sub":"1","channel":"c","client":7}""")]
    [InlineData("""{"sub":"1","channel":"c","b64data":"%%%"}""")]
    [InlineData("""{"sub":"1","channel":"c","override":[]}""")]
    [InlineData("""{"sub":"1","channel":"c","expire_at":{}}""")]
    public async Task WrongClaimTypes_SubscriptionToken_Invalid(string payload)
    {
        using var verifier = VerifierFactory.Hmac();

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Subscribe(TestTokens.Hmac(payload)).AsTask());
    }

    [Fact]
    public async Task CustomUserIdClaimWithNumber_Invalid()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.UserIdClaim = "user_id");

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"user_id":42}""")).AsTask());
        Assert.Contains("user_id", ex.Message, StringComparison.Ordinal);
    }
}
