using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sRelay.Core.Auth;

/// <summary>
/// <see cref="ITokenVerifier"/> for Centrifugo-compatible JWTs, with signature work done by
/// Microsoft.IdentityModel.JsonWebTokens. Supports HS256/384/512, RS256/384/512 and ES256/384/512 with
/// configured keys or keys from a JWKS endpoint, EdDSA (Ed25519) with keys from a JWKS endpoint, HMAC secret
/// rotation, audience/issuer checks (exact or regex), a custom user id claim and a token size limit.
/// </summary>
/// <remarks>
/// <para>Errors: <see cref="TokenExpiredException"/> for a token outside its <c>exp</c>/<c>nbf</c> window (code 109),
/// <see cref="InvalidTokenException"/> for anything wrong with the token (3500 for connections, 103/3500 for
/// subscriptions), and <see cref="TokenVerificationUnavailableException"/> when the JWKS endpoint is down or slow
/// and no cached key can be used (answer with the temporary 100 internal error). No other exception escapes
/// except <see cref="OperationCanceledException"/> for the caller's token. Messages never contain the token,
/// a key or a secret.</para>
/// <para>EdDSA: Microsoft.IdentityModel 8.23 has no EdDSA algorithm or OKP key type and .NET 10 has no public
/// Ed25519 API, so OKP keys from a JWKS become <see cref="Ed25519SecurityKey"/> instances whose provider factory
/// checks the signature with BouncyCastle inside the library's usual validation. As in Centrifugo, EdDSA keys
/// come only from a JWKS endpoint: with configured keys <c>alg: EdDSA</c> is rejected as invalid.</para>
/// <para>Thread-safe. Options are read once, in the constructor: build a new verifier to apply new settings.</para>
/// </remarks>
public sealed partial class JwtTokenVerifier : ITokenVerifier, IDisposable
{
    private readonly TokenValidator _connection;
    private readonly TokenValidator _subscription;
    private readonly ILogger _logger;
    private HttpClient? _ownedHttpClient;

    /// <summary>Creates a verifier.</summary>
    /// <param name="connectionTokenOptions">Settings from <c>client.token.*</c>.</param>
    /// <param name="subscriptionTokenOptions">
    /// Settings from <c>client.subscription_token.*</c> when <c>client.subscription_token.enabled</c> is on; null
    /// to verify subscription tokens with <paramref name="connectionTokenOptions"/> (Centrifugo's default).
    /// </param>
    /// <param name="httpClient">Client for JWKS downloads; null to create one (owned and disposed by this verifier).</param>
    /// <param name="timeProvider">Clock for lifetimes, key rotation and JWKS caching; null for the system clock.</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option set is invalid.</exception>
    public JwtTokenVerifier(
        TokenVerifierOptions connectionTokenOptions,
        TokenVerifierOptions? subscriptionTokenOptions = null,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        ILogger<JwtTokenVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connectionTokenOptions);
        TokenVerifierOptionsValidator.ThrowIfInvalid(connectionTokenOptions, TokenVerifierOptions.ConnectionTokenSection);
        if (subscriptionTokenOptions is not null)
        {
            TokenVerifierOptionsValidator.ThrowIfInvalid(
                subscriptionTokenOptions, TokenVerifierOptions.SubscriptionTokenSection);
        }

        timeProvider ??= TimeProvider.System;
        _logger = logger ?? NullLogger<JwtTokenVerifier>.Instance;
        HttpClient GetHttpClient() => httpClient ?? (_ownedHttpClient ??= CreateHttpClient());

        _connection = new TokenValidator(connectionTokenOptions, GetHttpClient, timeProvider, _logger);
        _subscription = subscriptionTokenOptions is null
            ? _connection
            : new TokenValidator(subscriptionTokenOptions, GetHttpClient, timeProvider, _logger);
    }

    /// <inheritdoc />
    public async ValueTask<ConnectTokenClaims> VerifyConnectTokenAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            using var verified = await _connection.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            ConnectTokenClaimsReader.EnsureNoChannel(verified.Payload);
            _connection.EnsureLifetime(verified.Registered);
            return ConnectTokenClaimsReader.Read(verified.Payload, verified.Registered);
        }
        catch (Exception ex) when (Rejects(ex, "connection"))
        {
            throw new InvalidTokenException("token could not be verified");
        }
    }

    /// <inheritdoc />
    public async ValueTask<SubscriptionTokenClaims> VerifySubscriptionTokenAsync(
        string token, CancellationToken cancellationToken)
    {
        try
        {
            using var verified = await _subscription.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            _subscription.EnsureLifetime(verified.Registered);
            return SubscriptionTokenClaimsReader.Read(verified.Payload, verified.Registered);
        }
        catch (Exception ex) when (Rejects(ex, "subscription"))
        {
            throw new InvalidTokenException("token could not be verified");
        }
    }

    /// <summary>Disposes the HTTP client this verifier created, if any.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    // Logs the outcome and returns true only for unexpected exceptions, which are then reported as an invalid
    // token so that nothing else escapes to the connection handler.
    private bool Rejects(Exception exception, string kind)
    {
        switch (exception)
        {
            case InvalidTokenException invalid:
                Log.TokenRejected(_logger, kind, invalid.Message);
                return false;
            case TokenExpiredException expired:
                Log.TokenExpired(_logger, kind, expired.Message);
                return false;
            case TokenVerificationUnavailableException or OperationCanceledException:
                return false;
            default:
                Log.UnexpectedFailure(_logger, kind, exception.GetType().Name);
                return true;
        }
    }

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        // Each JWKS attempt has its own timeout; this is only a backstop.
        Timeout = TimeSpan.FromSeconds(30),
    };
}
