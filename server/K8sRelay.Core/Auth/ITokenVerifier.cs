namespace K8sRelay.Core.Auth;

/// <summary>
/// Verifies connection and subscription JWTs with the configured keys.
/// Throws <see cref="TokenExpiredException"/> for an expired (or not yet valid) token and
/// <see cref="InvalidTokenException"/> for anything else that is wrong. Thread-safe.
/// </summary>
public interface ITokenVerifier
{
    /// <summary>Verifies a connection token and returns its claims.</summary>
    ValueTask<ConnectTokenClaims> VerifyConnectTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Verifies a subscription token and returns its claims.</summary>
    ValueTask<SubscriptionTokenClaims> VerifySubscriptionTokenAsync(string token, CancellationToken cancellationToken);
}
