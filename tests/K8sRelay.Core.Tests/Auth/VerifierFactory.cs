using K8sRelay.Core.Auth;

namespace K8sRelay.Core.Tests.Auth;

internal static class VerifierFactory
{
    public static JwtTokenVerifier Hmac(
        string secret = TestTokens.Secret, TimeProvider? time = null, Action<TokenVerifierOptions>? configure = null)
    {
        var options = new TokenVerifierOptions { HmacSecretKey = secret };
        configure?.Invoke(options);
        return new JwtTokenVerifier(options, timeProvider: time);
    }

    public static JwtTokenVerifier With(Action<TokenVerifierOptions> configure, TimeProvider? time = null)
    {
        var options = new TokenVerifierOptions();
        configure(options);
        return new JwtTokenVerifier(options, timeProvider: time);
    }

    public static ValueTask<ConnectTokenClaims> Connect(this ITokenVerifier verifier, string token) =>
        verifier.VerifyConnectTokenAsync(token, TestContext.Current.CancellationToken);

    public static ValueTask<SubscriptionTokenClaims> Subscribe(this ITokenVerifier verifier, string token) =>
        verifier.VerifySubscriptionTokenAsync(token, TestContext.Current.CancellationToken);
}
