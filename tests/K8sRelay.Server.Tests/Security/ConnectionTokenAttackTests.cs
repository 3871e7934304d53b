using System.Security.Cryptography;
using System.Text;

namespace K8sRelay.Server.Tests.Security;

/// <summary>
/// The JWT attack suite over the wire: each forged or malformed connection token is answered with the
/// protocol's code (3500 invalid token, 109 token expired, 3501 no credentials) and the server keeps serving.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConnectionTokenAttackTests(AttackServerFixture fixture) : IClassFixture<AttackServerFixture>
{
    private const int InvalidToken = 3500;
    private const int BadRequest = 3501;
    private const int TokenExpired = 109;

    public static TheoryData<string> Attacks => new()
    {
        "alg-none", "alg-none-with-signature", "alg-missing", "hs256-keyed-with-rsa-public-pem", "hs256-keyed-with-rsa-modulus",
        "rs256-attacker-key", "tampered-payload", "wrong-hmac-secret", "expired", "not-before-in-future",
        "expired-with-bad-signature", "wrong-audience", "missing-audience", "wrong-issuer", "channel-claim",
        "two-segments", "truncated-signature", "non-base64-segments", "header-not-json", "payload-not-object",
        "one-megabyte", "json-bomb-nesting", "json-bomb-wide", "duplicate-sub", "sub-is-number", "exp-is-string",
        "channels-not-array", "b64info-not-base64", "empty-token",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_AnsweredWithProtocolCode_ServerKeepsServing(string attack)
    {
        var (token, closeCode, errorCode) = Build(attack);

        await using (var client = await RawClient.OpenAsync(fixture.Server.WebSocketUrl))
        {
            var answer = await client.ConnectAsync(token);
            Assert.False(answer.Succeeded("connect"), $"{attack} was accepted: {answer}");
            Assert.Equal(closeCode, answer.CloseCode);
            Assert.Equal(errorCode, answer.ErrorCode);
        }

        await fixture.AssertStillServingAsync();
    }

    [Fact]
    public async Task GenuineTokens_HmacAndRsa_Accepted()
    {
        foreach (var token in new[]
        {
            SecurityTokens.Hmac(AttackServerFixture.Claims("alice")),
            SecurityTokens.Hmac(AttackServerFixture.Claims("alice"), alg: "HS512"),
            SecurityTokens.Rsa(AttackServerFixture.Claims("alice"), fixture.Rsa, "RS384"),
        })
        {
            await using var client = await RawClient.OpenAsync(fixture.Server.WebSocketUrl);
            var answer = await client.ConnectAsync(token);
            Assert.True(answer.Succeeded("connect"), answer.ToString());
        }
    }

    private (string? Token, int? Close, int? Error) Build(string attack)
    {
        var valid = AttackServerFixture.Claims("mallory");
        var now = SecurityTokens.Now;
        return attack switch
        {
            "alg-none" => (SecurityTokens.Raw("""{"alg":"none","typ":"JWT"}""", valid), InvalidToken, null),
            "alg-none-with-signature" => (Resign(SecurityTokens.Hmac(valid), """{"alg":"None"}"""), InvalidToken, null),
            "alg-missing" => (Resign(SecurityTokens.Hmac(valid), """{"typ":"JWT"}"""), InvalidToken, null),
            "hs256-keyed-with-rsa-public-pem" => (
                SecurityTokens.HmacWithKey(valid, Encoding.UTF8.GetBytes(fixture.Rsa.ExportSubjectPublicKeyInfoPem())), InvalidToken, null),
            "hs256-keyed-with-rsa-modulus" => (
                SecurityTokens.HmacWithKey(valid, fixture.Rsa.ExportParameters(false).Modulus!), InvalidToken, null),
            "rs256-attacker-key" => (AttackerRsa(valid), InvalidToken, null),
            "tampered-payload" => (SwapPayload(SecurityTokens.Hmac(valid), AttackServerFixture.Claims("admin")), InvalidToken, null),
            "wrong-hmac-secret" => (SecurityTokens.Hmac(valid, "guessed-secret-guessed-secret-guessed"), InvalidToken, null),
            "expired" => (SecurityTokens.Hmac(ClaimsWithTimes(now - 3600, null)), null, TokenExpired),
            "not-before-in-future" => (SecurityTokens.Hmac(ClaimsWithTimes(now + 3600, now + 600)), null, TokenExpired),
            "expired-with-bad-signature" => (SecurityTokens.Hmac(ClaimsWithTimes(now - 3600, null), "wrong-secret-wrong-secret-wrong"), InvalidToken, null),
            "wrong-audience" => (SecurityTokens.Hmac(valid.Replace(AttackServerFixture.Audience, "other-app", StringComparison.Ordinal)), InvalidToken, null),
            "missing-audience" => (SecurityTokens.Hmac($$"""{"sub":"mallory","iss":"{{AttackServerFixture.Issuer}}"}"""), InvalidToken, null),
            "wrong-issuer" => (SecurityTokens.Hmac(valid.Replace(AttackServerFixture.Issuer, "https://evil.example", StringComparison.Ordinal)), InvalidToken, null),
            "channel-claim" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ""","channel":"$priv:secret" """)), InvalidToken, null),
            "two-segments" => (string.Join('.', SecurityTokens.Hmac(valid).Split('.')[..2]), InvalidToken, null),
            "truncated-signature" => (SecurityTokens.Hmac(valid)[..^10], InvalidToken, null),
            "non-base64-segments" => ("e30$.e30!.abc%", InvalidToken, null),
            "header-not-json" => (SecurityTokens.Raw("not json", valid, "c2ln"), InvalidToken, null),
            "payload-not-object" => (SecurityTokens.Hmac("[1,2,3]"), InvalidToken, null),
            "one-megabyte" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", $$""","pad":"{{new string('a', 1024 * 1024)}}" """)), InvalidToken, null),
            "json-bomb-nesting" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ",\"info\":" + new string('[', 20000) + new string(']', 20000))), InvalidToken, null),
            "json-bomb-wide" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ",\"info\":[" + string.Join(',', Enumerable.Repeat("{}", 100_000)) + "]")), InvalidToken, null),
            "duplicate-sub" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ",\"sub\":\"admin\"")), InvalidToken, null),
            "sub-is-number" => (SecurityTokens.Hmac($$"""{"sub":42,"aud":"{{AttackServerFixture.Audience}}","iss":"{{AttackServerFixture.Issuer}}"}"""), InvalidToken, null),
            "exp-is-string" => (SecurityTokens.Hmac($$"""{"sub":"m","exp":"{{now + 3600}}","aud":"{{AttackServerFixture.Audience}}","iss":"{{AttackServerFixture.Issuer}}"}"""), InvalidToken, null),
            "channels-not-array" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ",\"channels\":\"chat:x\"")), InvalidToken, null),
            "b64info-not-base64" => (SecurityTokens.Hmac(AttackServerFixture.Claims("mallory", ",\"b64info\":\"%%%not-base64%%%\"")), InvalidToken, null),
            "empty-token" => (null, BadRequest, null),
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, "unknown attack"),
        };
    }

    private static string ClaimsWithTimes(long exp, long? nbf) =>
        $$"""{"sub":"mallory","aud":"{{AttackServerFixture.Audience}}","iss":"{{AttackServerFixture.Issuer}}","exp":{{exp}}{{(nbf is { } n ? $",\"nbf\":{n}" : "")}}}""";

    private static string Resign(string token, string header)
    {
        var parts = token.Split('.');
        return SecurityTokens.Encode(header) + "." + parts[1] + "." + parts[2];
    }

    private static string SwapPayload(string token, string payload)
    {
        var parts = token.Split('.');
        return parts[0] + "." + SecurityTokens.Encode(payload) + "." + parts[2];
    }

    private static string AttackerRsa(string payload)
    {
        using var attacker = RSA.Create(2048);
        return SecurityTokens.Rsa(payload, attacker);
    }
}
