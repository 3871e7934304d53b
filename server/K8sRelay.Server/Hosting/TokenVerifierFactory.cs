using K8sRelay.Configuration.Model;
using K8sRelay.Core.Auth;

namespace K8sRelay.Server.Hosting;

/// <summary>Maps <c>client.token.*</c> and <c>client.subscription_token.*</c> to the verifier's options.</summary>
internal static class TokenVerifierFactory
{
    public static JwtTokenVerifier Create(ClientConfig client, TimeProvider time, ILoggerFactory loggers)
    {
        var connection = Map(client.Token, client.InsecureSkipTokenSignatureVerify);
        var subscription = client.SubscriptionToken.Enabled ? Map(client.SubscriptionToken, client.InsecureSkipTokenSignatureVerify) : null;
        return new JwtTokenVerifier(connection, subscription, null, time, loggers.CreateLogger<JwtTokenVerifier>());
    }

    private static TokenVerifierOptions Map(TokenConfig token, bool skipVerify) => new()
    {
        HmacSecretKey = token.HmacSecretKey,
        HmacPreviousSecretKey = token.HmacPreviousSecretKey,
        HmacPreviousSecretKeyValidUntil = token.HmacPreviousSecretKeyValidUntil > 0
            ? DateTimeOffset.FromUnixTimeSeconds(token.HmacPreviousSecretKeyValidUntil)
            : null,
        RsaPublicKey = token.RsaPublicKey,
        EcdsaPublicKey = token.EcdsaPublicKey,
        JwksPublicEndpoint = token.JwksPublicEndpoint,
        Audience = token.Audience,
        AudienceRegex = token.AudienceRegex,
        Issuer = token.Issuer,
        IssuerRegex = token.IssuerRegex,
        UserIdClaim = string.IsNullOrEmpty(token.UserIdClaim) ? "sub" : token.UserIdClaim,
        InsecureSkipTokenSignatureVerify = skipVerify,
    };
}
