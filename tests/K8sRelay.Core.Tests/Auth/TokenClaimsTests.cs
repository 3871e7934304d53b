using System.Text;
using K8sRelay.Core.Auth;
using Microsoft.Extensions.Time.Testing;

namespace K8sRelay.Core.Tests.Auth;

public sealed class TokenClaimsTests
{
    private static string Text(byte[]? bytes) => bytes is null ? "<null>" : Encoding.UTF8.GetString(bytes);

    [Fact]
    public async Task VerifyConnectToken_AllClaims_Mapped()
    {
        using var verifier = VerifierFactory.Hmac();
        var exp = TestTokens.Now() + 600;
        var token = TestTokens.Hmac($$$$"""
            {"sub":"42","exp":{{{{exp}}}},"info":{"name":"Ann", "n":[1,2]},"channels":["news","$private"],
             "meta":{"plan":"gold"},
             "subs":{"chat:1":{"info":{"role":"admin"},"b64data":"AAEC",
                               "override":{"presence":{"value":true},"join_leave":{"value":false},
                                           "force_push_join_leave":{},"force_recovery":{"value":true}}},
                     "chat:2":{"b64info":"aGk=","data":[1]},
                     "chat:3":null}}
            """);

        var claims = await verifier.Connect(token);

        Assert.Equal("42", claims.UserId);
        Assert.Equal(exp, claims.ExpireAt);
        Assert.Equal("""{"name":"Ann", "n":[1,2]}""", Text(claims.Info));
        Assert.Equal(["news", "$private"], claims.Channels);
        Assert.Equal("""{"plan":"gold"}""", Text(claims.Meta));
        Assert.Equal(3, claims.Subs.Count);
        var chat1 = claims.Subs["chat:1"];
        Assert.Equal("""{"role":"admin"}""", Text(chat1.Info));
        Assert.Equal(new byte[] { 0, 1, 2 }, chat1.Data);
        Assert.Equal(
            new SubscriptionOverride { Presence = true, JoinLeave = false, ForcePushJoinLeave = false, ForceRecovery = true },
            chat1.Override);
        Assert.Equal("hi", Text(claims.Subs["chat:2"].Info));
        Assert.Equal("[1]", Text(claims.Subs["chat:2"].Data));
        Assert.Null(claims.Subs["chat:2"].Override);
        Assert.Null(claims.Subs["chat:3"].Info);
    }

    [Fact]
    public async Task VerifyConnectToken_B64InfoPreferredOverInfo()
    {
        using var verifier = VerifierFactory.Hmac();
        var claims = await verifier.Connect(TestTokens.Hmac("""{"sub":"1","info":{"a":1},"b64info":"/wA="}"""));

        Assert.Equal(new byte[] { 0xFF, 0x00 }, claims.Info);
    }

    [Fact]
    public async Task VerifyConnectToken_NoSub_AnonymousUser()
    {
        using var verifier = VerifierFactory.Hmac();
        var claims = await verifier.Connect(TestTokens.Hmac("{}"));

        Assert.Equal(string.Empty, claims.UserId);
        Assert.Null(claims.Info);
        Assert.Empty(claims.Channels);
        Assert.Empty(claims.Subs);
        Assert.Null(claims.Meta);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData(""","exp":2000000000""", 2000000000)]
    [InlineData(""","exp":2000000000,"expire_at":0""", 0)]
    [InlineData(""","exp":2000000000,"expire_at":-5""", 0)]
    [InlineData(""","exp":2000000000,"expire_at":null""", 2000000000)]
    [InlineData(""","exp":2000000000,"expire_at":2100000000""", 2100000000)]
    [InlineData(""","expire_at":1950000000""", 1950000000)]
    public async Task VerifyConnectToken_ExpireAt_FollowsCentrifugoRules(string timeClaims, long expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1900000000));
        using var verifier = VerifierFactory.Hmac(time: time);

        var claims = await verifier.Connect(TestTokens.Hmac($$"""{"sub":"1"{{timeClaims}}}"""));

        Assert.Equal(expected, claims.ExpireAt);
    }

    [Fact]
    public async Task VerifyConnectToken_ExpWithoutExpireAt_ExpIsConnectionExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1900000000));
        using var verifier = VerifierFactory.Hmac(time: time);

        var claims = await verifier.Connect(TestTokens.Hmac("""{"sub":"1","exp":1900000100.75}"""));

        Assert.Equal(1900000100, claims.ExpireAt);
    }

    [Fact]
    public async Task VerifyConnectToken_CustomUserIdClaim_UsedInsteadOfSub()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.UserIdClaim = "user_id");

        var claims = await verifier.Connect(TestTokens.Hmac("""{"sub":"ignored","user_id":"u-9"}"""));

        Assert.Equal("u-9", claims.UserId);
    }

    [Fact]
    public async Task VerifySubscriptionToken_CustomUserIdClaim_UsedInsteadOfSub()
    {
        using var verifier = VerifierFactory.Hmac(configure: o => o.UserIdClaim = "uid");

        var claims = await verifier.Subscribe(TestTokens.Hmac("""{"sub":"ignored","uid":"u-9","channel":"c"}"""));

        Assert.Equal("u-9", claims.UserId);
    }

    [Fact]
    public async Task VerifySubscriptionToken_AllClaims_Mapped()
    {
        using var verifier = VerifierFactory.Hmac();
        var exp = TestTokens.Now() + 600;
        var token = TestTokens.Hmac($$$$"""
            {"sub":"42","channel":"$room:1","client":"c-1","exp":{{{{exp}}}},"expire_at":0,
             "info":{"x":1},"data":{"welcome":true},"override":{"force_positioning":{"value":true}}}
            """);

        var claims = await verifier.Subscribe(token);

        Assert.Equal("42", claims.UserId);
        Assert.Equal("$room:1", claims.Channel);
        Assert.Equal("c-1", claims.Client);
        Assert.Equal(0, claims.ExpireAt);
        Assert.Equal("""{"x":1}""", Text(claims.Info));
        Assert.Equal("""{"welcome":true}""", Text(claims.Data));
        Assert.Equal(new SubscriptionOverride { ForcePositioning = true }, claims.Override);
    }

    [Fact]
    public async Task VerifySubscriptionToken_B64DataAndB64Info_Decoded()
    {
        using var verifier = VerifierFactory.Hmac();
        var claims = await verifier.Subscribe(TestTokens.Hmac("""{"sub":"1","channel":"c","b64info":"AQ==","b64data":"Ag=="}"""));

        Assert.Equal(new byte[] { 1 }, claims.Info);
        Assert.Equal(new byte[] { 2 }, claims.Data);
        Assert.Equal(string.Empty, claims.Client);
    }

    [Fact]
    public async Task VerifySubscriptionToken_NoChannel_Invalid()
    {
        using var verifier = VerifierFactory.Hmac();

        var ex = await Assert.ThrowsAsync<InvalidTokenException>(
            () => verifier.Subscribe(TestTokens.Hmac("""{"sub":"1"}""")).AsTask());
        Assert.Contains("channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_ComparesChannelUserAndBoundClient()
    {
        var unbound = new SubscriptionTokenClaims { UserId = "u", Channel = "c" };
        var bound = unbound with { Client = "client-1" };

        Assert.True(unbound.Grants("c", "u", "any"));
        Assert.False(unbound.Grants("other", "u", "any"));
        Assert.False(unbound.Grants("c", "someone-else", "any"));
        Assert.True(bound.Grants("c", "u", "client-1"));
        Assert.False(bound.Grants("c", "u", "client-2"));
    }
}
