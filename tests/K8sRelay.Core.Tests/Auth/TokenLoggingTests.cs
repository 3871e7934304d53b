using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

public sealed class TokenLoggingTests
{
    [Fact]
    public async Task Rejections_LoggedWithoutTokenOrSecret()
    {
        const string secret = "logging-test-secret-0123456789-abcdef";
        var logger = new CapturingLogger<JwtTokenVerifier>();
        using var verifier = new JwtTokenVerifier(
            new TokenVerifierOptions { HmacSecretKey = secret }, logger: logger);
        var tokens = new[]
        {
            TestTokens.Hmac("""{"sub":"1"}""", "a-different-secret-0123456789-abcdef"),
            TestTokens.Hmac("""{"sub":"1","exp":1}""", secret),
            TestTokens.Hmac("""{"sub":"1","channel":"c"}""", secret),
            TestTokens.Hmac("""{"sub":7}""", secret),
            "garbage.token.value",
        };

        foreach (var token in tokens)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => verifier.Connect(token).AsTask());
        }

        Assert.Equal(tokens.Length, logger.Lines.Count);
        foreach (var line in logger.Lines)
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            Assert.All(tokens, token =>
            {
                Assert.DoesNotContain(token, line, StringComparison.Ordinal);
                Assert.DoesNotContain(token.Split('.')[2], line, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public async Task JwksFailures_LoggedWithoutQueryString()
    {
        var logger = new CapturingLogger<JwtTokenVerifier>();
        var url = JwksTestServer.UnusedUrl() + "?access_token=do-not-log-me";
        using var verifier = new JwtTokenVerifier(new TokenVerifierOptions { JwksPublicEndpoint = url }, logger: logger);
        using var rsa = TestKeys.Rsa(0);

        await Assert.ThrowsAsync<TokenVerificationUnavailableException>(
            () => verifier.Connect(TestTokens.Rsa("""{"sub":"a"}""", rsa, kid: "k")).AsTask());

        Assert.Contains(logger.Lines, line => line.Contains("JWKS download", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, line => line.Contains("do-not-log-me", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NullStringOptionsFromBinding_TreatedAsUnset()
    {
        var options = new TokenVerifierOptions
        {
            HmacSecretKey = TestTokens.Secret,
            RsaPublicKey = null!,
            Audience = null!,
            IssuerRegex = null!,
            JwksPublicEndpoint = null!,
            UserIdClaim = null!,
        };
        using var verifier = new JwtTokenVerifier(options);

        Assert.Equal("1", (await verifier.Connect(TestTokens.Hmac("""{"sub":"1"}"""))).UserId);
    }
}
