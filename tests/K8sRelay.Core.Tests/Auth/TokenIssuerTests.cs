using System.Text;
using K8sRelay.Core.Auth;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Auth;

public sealed class TokenIssuerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2030-05-01T00:00:00Z", null);

    [Fact]
    public async Task CreateConnectionToken_RoundTripsThroughVerifier()
    {
        var time = new FakeTimeProvider(Start);
        var issuer = new TokenIssuer(TestTokens.Secret, time);
        using var verifier = VerifierFactory.Hmac(time: time);

        var token = issuer.CreateConnectionToken("42", TimeSpan.FromHours(1), """{"name":"Ann"}""", ["news", "chat"]);
        var claims = await verifier.Connect(token);

        Assert.Equal("42", claims.UserId);
        Assert.Equal(Start.AddHours(1).ToUnixTimeSeconds(), claims.ExpireAt);
        Assert.Equal("""{"name":"Ann"}""", Encoding.UTF8.GetString(claims.Info!));
        Assert.Equal(["news", "chat"], claims.Channels);

        time.Advance(TimeSpan.FromHours(1));
        await Assert.ThrowsAsync<TokenExpiredException>(() => verifier.Connect(token).AsTask());
    }

    [Fact]
    public async Task CreateConnectionToken_NoTtl_NeverExpires()
    {
        var issuer = new TokenIssuer(TestTokens.Secret);
        using var verifier = VerifierFactory.Hmac();

        var claims = await verifier.Connect(issuer.CreateConnectionToken("u"));

        Assert.Equal(0, claims.ExpireAt);
        Assert.Null(claims.Info);
    }

    [Fact]
    public async Task CreateConnectionToken_ShortSecret_VerifiesWithSameSecret()
    {
        var issuer = new TokenIssuer("secret");
        using var verifier = VerifierFactory.Hmac("secret");

        Assert.Equal("u", (await verifier.Connect(issuer.CreateConnectionToken("u"))).UserId);
    }

    [Fact]
    public async Task CreateSubscriptionToken_RoundTripsThroughVerifier()
    {
        var time = new FakeTimeProvider(Start);
        var issuer = new TokenIssuer(TestTokens.Secret, time);
        using var verifier = VerifierFactory.Hmac(time: time);

        var claims = await verifier.Subscribe(issuer.CreateSubscriptionToken("42", "$private", TimeSpan.FromMinutes(5), "client-1"));

        Assert.Equal("42", claims.UserId);
        Assert.Equal("$private", claims.Channel);
        Assert.Equal("client-1", claims.Client);
        Assert.Equal(Start.AddMinutes(5).ToUnixTimeSeconds(), claims.ExpireAt);
        await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Connect(issuer.CreateSubscriptionToken("42", "$private")).AsTask());
    }

    [Fact]
    public void Arguments_Validated()
    {
        Assert.Throws<ArgumentException>(() => new TokenIssuer(string.Empty));
        var issuer = new TokenIssuer(TestTokens.Secret);
        Assert.Throws<ArgumentException>(() => issuer.CreateConnectionToken("u", infoJson: "{not json"));
        Assert.Throws<ArgumentException>(() => issuer.CreateSubscriptionToken("u", string.Empty));
    }

    [Fact]
    public void CreateConnectionToken_HeaderIsHs256()
    {
        var token = new TokenIssuer(TestTokens.Secret).CreateConnectionToken("u");
        var header = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[0]));

        Assert.Contains("\"alg\":\"HS256\"", header, StringComparison.Ordinal);
    }
}
