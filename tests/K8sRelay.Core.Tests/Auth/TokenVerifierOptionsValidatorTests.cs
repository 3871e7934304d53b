using System.Security.Cryptography;
using K8sRelay.Core.Auth;
using Microsoft.Extensions.Options;

namespace K8sRelay.Core.Tests.Auth;

public sealed class TokenVerifierOptionsValidatorTests
{
    private static IReadOnlyList<string> Errors(Action<TokenVerifierOptions> configure, string? name = null)
    {
        var options = new TokenVerifierOptions();
        configure(options);
        var result = new TokenVerifierOptionsValidator().Validate(name, options);
        return result.Failed ? result.Failures.ToList() : [];
    }

    [Fact]
    public void Defaults_Valid()
    {
        Assert.Empty(Errors(_ => { }));
        Assert.Equal("sub", new TokenVerifierOptions().UserIdClaim);
        Assert.Equal(64 * 1024, new TokenVerifierOptions().MaxTokenLength);
    }

    [Fact]
    public void FullValidConfiguration_Valid()
    {
        using var rsa = TestKeys.Rsa(0);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Empty(Errors(o =>
        {
            o.HmacSecretKey = "s";
            o.HmacPreviousSecretKey = "p";
            o.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem();
            o.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem();
            o.JwksPublicEndpoint = "https://keys.example/{{tenant}}/{{env}}.json";
            o.IssuerRegex = "^(?<tenant>a|b)$";
            o.AudienceRegex = "^(?<env>prod|dev)$";
            o.UserIdClaim = "user_id";
        }));
    }

    [Theory]
    [InlineData("user-id")]
    [InlineData("user1")]
    [InlineData("a.b")]
    [InlineData(" sub")]
    public void UserIdClaim_BadShape_NamesKey(string claim)
    {
        var error = Assert.Single(Errors(o => o.UserIdClaim = claim));
        Assert.Contains("client.token.user_id_claim", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SubscriptionSectionName_UsedInMessages()
    {
        var error = Assert.Single(Errors(o => o.UserIdClaim = "bad-claim", TokenVerifierOptions.SubscriptionTokenSection));
        Assert.StartsWith("client.subscription_token.user_id_claim", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a pem")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----")]
    public void RsaPublicKey_Bad_NamesKeyWithoutEchoingIt(string pem)
    {
        var error = Assert.Single(Errors(o => o.RsaPublicKey = pem));
        Assert.StartsWith("client.token.rsa_public_key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RsaPublicKey_PrivateKeyGiven_Rejected()
    {
        using var rsa = TestKeys.Rsa(0);
        var pem = rsa.ExportRSAPrivateKeyPem();

        var error = Assert.Single(Errors(o => o.RsaPublicKey = pem));
        Assert.Contains("private key", error, StringComparison.Ordinal);
        Assert.DoesNotContain(pem[40..80], error, StringComparison.Ordinal);
    }

    [Fact]
    public void EcdsaPublicKey_RsaKeyGiven_Rejected()
    {
        using var rsa = TestKeys.Rsa(0);

        var error = Assert.Single(Errors(o => o.EcdsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.StartsWith("client.token.ecdsa_public_key", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EcdsaPublicKey_UnsupportedCurve_Rejected()
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("brainpoolP256r1"));

        var error = Assert.Single(Errors(o => o.EcdsaPublicKey = ecdsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Contains("P-256", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(unclosed")]
    [InlineData("(?<name>a)\\k<name>")]
    [InlineData("a(?=b)")]
    public void Regexes_Bad_NameKey(string pattern)
    {
        Assert.StartsWith("client.token.issuer_regex", Assert.Single(Errors(o => o.IssuerRegex = pattern)), StringComparison.Ordinal);
        Assert.StartsWith("client.token.audience_regex", Assert.Single(Errors(o => o.AudienceRegex = pattern)), StringComparison.Ordinal);
    }

    [Fact]
    public void ExactAndRegexTogether_Rejected()
    {
        Assert.Contains(Errors(o => { o.Audience = "a"; o.AudienceRegex = "a"; }), e => e.Contains("client.token.audience_regex", StringComparison.Ordinal));
        Assert.Contains(Errors(o => { o.Issuer = "a"; o.IssuerRegex = "a"; }), e => e.Contains("client.token.issuer_regex", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://keys.example/jwks")]
    [InlineData("/relative/jwks")]
    [InlineData("https://keys.example/{{tenant")]
    [InlineData("https://keys.example/{{ten-ant}}")]
    [InlineData("https://keys.example/{{missing}}")]
    public void JwksEndpoint_Bad_NamesKey(string endpoint)
    {
        var error = Assert.Single(Errors(o => o.JwksPublicEndpoint = endpoint));
        Assert.StartsWith("client.token.jwks_public_endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PreviousHmacWithoutCurrent_RejectedWithoutEchoingSecret()
    {
        var error = Assert.Single(Errors(o => o.HmacPreviousSecretKey = "very-secret-value"));
        Assert.Contains("client.token.hmac_previous_secret_key", error, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_NotPositive_Rejected()
    {
        var errors = Errors(o =>
        {
            o.MaxTokenLength = 0;
            o.JwksCacheTtl = TimeSpan.Zero;
            o.JwksRequestTimeout = TimeSpan.Zero;
            o.JwksRetries = -1;
            o.JwksMinRefreshInterval = TimeSpan.FromSeconds(-1);
        });

        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void JwtTokenVerifier_InvalidOptions_ThrowsOptionsValidationException()
    {
        var ex = Assert.Throws<OptionsValidationException>(
            () => new JwtTokenVerifier(new TokenVerifierOptions(), new TokenVerifierOptions { RsaPublicKey = "junk" }));
        Assert.Contains("client.subscription_token.rsa_public_key", ex.Message, StringComparison.Ordinal);
    }
}
