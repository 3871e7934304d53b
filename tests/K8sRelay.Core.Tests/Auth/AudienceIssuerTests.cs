using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

public sealed class AudienceIssuerTests
{
    [Theory]
    [InlineData("""{"aud":"relay"}""")]
    [InlineData("""{"aud":["other","relay"]}""")]
    public async Task Audience_Matching_Accepted(string payload)
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.Audience = "relay");

        await verifier.Connect(TestTokens.Hmac(payload));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"aud":"relay2"}""")]
    [InlineData("""{"aud":["other"]}""")]
    [InlineData("""{"aud":[]}""")]
    public async Task Audience_Wrong_Invalid(string payload)
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.Audience = "relay");

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(TestTokens.Hmac(payload)).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Subscribe(TestTokens.Hmac(payload.Replace("{", """{"channel":"c",""", StringComparison.Ordinal).Replace(",}", "}", StringComparison.Ordinal))).AsTask());
    }

    [Fact]
    public async Task Audience_NotConfigured_AnyAudienceAccepted()
    {
        using var verifier = VerifierFactory.Hmac();

        await verifier.Connect(TestTokens.Hmac("""{"aud":"whatever","iss":"anyone"}"""));
    }

    [Fact]
    public async Task Issuer_Exact_MatchedAndMismatched()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.Issuer = "https://auth.example");

        await verifier.Connect(TestTokens.Hmac("""{"iss":"https://auth.example"}"""));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"iss":"https://auth.example.evil"}""")).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(TestTokens.Hmac("{}")).AsTask());
    }

    [Fact]
    public async Task IssuerRegex_MatchedAndMismatched()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.IssuerRegex = "^https://(?<tenant>[a-z]+)\\.auth\\.example$");

        await verifier.Connect(TestTokens.Hmac("""{"iss":"https://acme.auth.example"}"""));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"iss":"https://acme.auth.example.evil"}""")).AsTask());
        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(TestTokens.Hmac("{}")).AsTask());
    }

    [Theory]
    [InlineData("^https://(?P<tenant>[a-z]+)\\.auth\\.example$", "https://acme.auth.example", true)]
    [InlineData("^https://(?P<tenant>[a-z]+)\\.auth\\.example$", "https://acme.auth.example.evil", false)]
    [InlineData("^a\\(?P<x>$", "a(P<x>", true)]
    [InlineData("^a\\(?P<x>$", "aP<x>", true)]
    public async Task IssuerRegex_GoNamedGroupSyntax(string pattern, string issuer, bool accepted)
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.IssuerRegex = pattern);
        var token = TestTokens.Hmac($$"""{"iss":"{{issuer}}"}""");

        if (accepted)
        {
            await verifier.Connect(token);
        }
        else
        {
            await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        }
    }

    [Fact]
    public async Task AudienceRegex_AnyAudienceMayMatch()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.AudienceRegex = "^relay-(prod|stage)$");

        await verifier.Connect(TestTokens.Hmac("""{"aud":["x","relay-stage"]}"""));
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"aud":["x","relay-dev"]}""")).AsTask());
    }

    [Fact]
    public async Task InsecureSkipSignature_AcceptsAnySignatureButStillChecksClaims()
    {
        using var verifier = VerifierFactory.With(o =>
        {
            o.InsecureSkipTokenSignatureVerify = true;
            o.Audience = "relay";
        });
        var forged = TestTokens.Raw("""{"alg":"HS256"}""", """{"sub":"u","aud":"relay"}""", "AAAA");

        Assert.Equal("u", (await verifier.Connect(forged)).UserId);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Raw("""{"alg":"HS256"}""", """{"sub":"u","aud":"x"}""", "AAAA")).AsTask());
        await Assert.ThrowsAsync<TokenExpiredException>(
            () => verifier.Connect(TestTokens.Raw("""{"alg":"HS256"}""", """{"sub":"u","aud":"relay","exp":1}""", "AAAA")).AsTask());
    }
}
