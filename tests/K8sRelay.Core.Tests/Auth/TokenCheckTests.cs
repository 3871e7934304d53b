using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

public sealed class TokenCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckConnectionToken_Valid_DescribesClaims()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac("""{"sub":"42","exp":4102444800,"info":{"a":1},"channels":["news"],"meta":{"m":2}}""");

        var result = await TokenCheck.CheckConnectionTokenAsync(verifier, token, Ct);

        Assert.True(result.IsValid);
        Assert.Contains("user \"42\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("2100-01-01T00:00:00Z", result.Text, StringComparison.Ordinal);
        Assert.Contains("info: {\"a\":1}", result.Text, StringComparison.Ordinal);
        Assert.Contains("channels: news", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckSubscriptionToken_Valid_DescribesClaims()
    {
        using var verifier = VerifierFactory.Hmac();
        var token = TestTokens.Hmac("""{"sub":"42","channel":"$c","client":"x","expire_at":0}""");

        var result = await TokenCheck.CheckSubscriptionTokenAsync(verifier, token, Ct);

        Assert.True(result.IsValid);
        Assert.Contains("channel \"$c\"", result.Text, StringComparison.Ordinal);
        Assert.Contains("client: x", result.Text, StringComparison.Ordinal);
        Assert.Contains("expires: never", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidAndExpired_DescribedNotThrown()
    {
        using var verifier = VerifierFactory.Hmac();
        var expired = TestTokens.Hmac("""{"sub":"1","exp":1}""");

        var invalid = await TokenCheck.CheckConnectionTokenAsync(verifier, "garbage", Ct);
        var expiredResult = await TokenCheck.CheckConnectionTokenAsync(verifier, expired, Ct);
        var wrongKind = await TokenCheck.CheckSubscriptionTokenAsync(verifier, TestTokens.Hmac("""{"sub":"1"}"""), Ct);

        Assert.False(invalid.IsValid);
        Assert.StartsWith("invalid token", invalid.Text, StringComparison.Ordinal);
        Assert.False(expiredResult.IsValid);
        Assert.StartsWith("token expired", expiredResult.Text, StringComparison.Ordinal);
        Assert.False(wrongKind.IsValid);
        Assert.DoesNotContain(expired, expiredResult.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnectionToken_HugeExpireAt_Described()
    {
        using var verifier = VerifierFactory.Hmac();

        var result = await TokenCheck.CheckConnectionTokenAsync(
            verifier, TestTokens.Hmac("""{"sub":"1","expire_at":9223372036854775807}"""), Ct);

        Assert.True(result.IsValid);
        Assert.Contains("unix 9223372036854775807", result.Text, StringComparison.Ordinal);
    }
}
