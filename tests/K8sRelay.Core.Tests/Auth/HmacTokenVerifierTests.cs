using K8sRelay.Core.Auth;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Auth;

public sealed class HmacTokenVerifierTests
{
    private const string LongSecret = "a-long-secret-for-every-hmac-algorithm-0123456789-0123456789-xyz";

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public async Task VerifyConnectToken_HmacAlgorithms_ReturnsUser(string algorithm)
    {
        using var verifier = VerifierFactory.Hmac(LongSecret);
        var token = TestTokens.Hmac("""{"sub":"42"}""", LongSecret, algorithm);

        var claims = await verifier.Connect(token);

        Assert.Equal("42", claims.UserId);
        Assert.Equal(0, claims.ExpireAt);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public async Task VerifyConnectToken_ShortSecretLikeCentrifugoDocs_Accepted(string algorithm)
    {
        using var verifier = VerifierFactory.Hmac("secret");
        var token = TestTokens.HmacRaw("""{"sub":"7"}""", "secret"u8.ToArray(), algorithm);

        var claims = await verifier.Connect(token);

        Assert.Equal("7", claims.UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_ShortSecretWrongKey_Invalid()
    {
        using var verifier = VerifierFactory.Hmac("secret");
        var token = TestTokens.HmacRaw("""{"sub":"7"}""", "secreT"u8.ToArray());

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
    }

    [Fact]
    public async Task VerifyConnectToken_WrongSecret_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac("""{"sub":"42"}""", secret: "another-secret-0123456789-abcdef");

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(token).AsTask());
        Assert.DoesNotContain(TestTokens.Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyConnectToken_PreviousSecretBeforeValidUntil_AcceptedThenRejectedAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2030-01-01T00:00:00Z", null));
        using var verifier = VerifierFactory.Hmac("new-secret-0123456789-abcdefghij", time, o =>
        {
            o.HmacPreviousSecretKey = "old-secret-0123456789-abcdefghij";
            o.HmacPreviousSecretKeyValidUntil = time.GetUtcNow().AddHours(1);
        });
        var oldToken = TestTokens.Hmac("""{"sub":"1"}""", secret: "old-secret-0123456789-abcdefghij");
        var newToken = TestTokens.Hmac("""{"sub":"2"}""", secret: "new-secret-0123456789-abcdefghij");

        Assert.Equal("1", (await verifier.Connect(oldToken)).UserId);
        Assert.Equal("2", (await verifier.Connect(newToken)).UserId);

        time.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<InvalidTokenException>(() => verifier.Connect(oldToken).AsTask());
        Assert.Equal("2", (await verifier.Connect(newToken)).UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_PreviousSecretWithoutValidUntil_Accepted()
    {
        using var verifier = VerifierFactory.Hmac(
            "new-secret-0123456789-abcdefghij", configure: o => o.HmacPreviousSecretKey = "old");
        var oldToken = TestTokens.HmacRaw("""{"sub":"1"}""", "old"u8.ToArray());

        Assert.Equal("1", (await verifier.Connect(oldToken)).UserId);
    }

    [Fact]
    public async Task VerifyConnectToken_NoHmacSecretConfigured_HmacTokenInvalid()
    {
        using var rsa = TestKeys.Rsa(0);
        using var verifier = VerifierFactory.With(o => o.RsaPublicKey = rsa.ExportSubjectPublicKeyInfoPem());

        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(TestTokens.Hmac("""{"sub":"1"}""")).AsTask());
    }
}
