using System.Buffers.Text;
using System.Text.Json;
using K8sRelay.Core.Auth.Jwks;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Verifies tokens with one <see cref="TokenVerifierOptions"/>: size limit, JWS compact form, payload parsing
/// with depth and duplicate-claim limits, claim types, audience and issuer, then the signature through
/// <see cref="JsonWebTokenHandler"/>. Lifetime is a separate step (<see cref="EnsureLifetime"/>) so callers can
/// order it as Centrifugo does. Thread-safe.
/// </summary>
internal sealed class TokenValidator
{
    /// <summary>Deepest JSON nesting accepted in a payload.</summary>
    internal const int MaxPayloadDepth = 32;

    private static readonly JsonDocumentOptions PayloadOptions = new()
    {
        MaxDepth = MaxPayloadDepth,
        AllowDuplicateProperties = false,
    };

    private readonly JsonWebTokenHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly string _userIdClaim;
    private readonly int _maxTokenLength;
    private readonly bool _skipSignature;
    private readonly SymmetricSecurityKey? _hmacKey;
    private readonly SymmetricSecurityKey? _hmacPreviousKey;
    private readonly DateTimeOffset? _hmacPreviousValidUntil;
    private readonly RsaSecurityKey? _rsaKey;
    private readonly ECDsaSecurityKey? _ecdsaKey;
    private readonly string? _ecdsaAlgorithm;
    private readonly AudienceIssuerMatcher _audienceIssuer;
    private readonly JwksUrlTemplate? _jwksUrl;
    private readonly JwksKeyProvider? _jwks;

    /// <summary>Builds the validator; <paramref name="options"/> must have passed <see cref="TokenVerifierOptionsValidator"/>.</summary>
    public TokenValidator(
        TokenVerifierOptions options, Func<HttpClient> httpClient, TimeProvider timeProvider, ILogger logger)
    {
        _timeProvider = timeProvider;
        _maxTokenLength = options.MaxTokenLength;
        _handler = new JsonWebTokenHandler { MaximumTokenSizeInBytes = options.MaxTokenLength };
        _userIdClaim = string.IsNullOrEmpty(options.UserIdClaim) ? "sub" : options.UserIdClaim;
        _skipSignature = options.InsecureSkipTokenSignatureVerify;
        _audienceIssuer = new AudienceIssuerMatcher(options);

        if (!string.IsNullOrEmpty(options.JwksPublicEndpoint))
        {
            // Centrifugo: with a JWKS endpoint every token must verify with a key from it.
            _jwksUrl = JwksUrlTemplate.Parse(options.JwksPublicEndpoint);
            _jwks = new JwksKeyProvider(httpClient(), timeProvider, logger, options);
            return;
        }

        if (!string.IsNullOrEmpty(options.HmacSecretKey))
        {
            _hmacKey = HmacKeys.Create(options.HmacSecretKey);
            if (!string.IsNullOrEmpty(options.HmacPreviousSecretKey))
            {
                _hmacPreviousKey = HmacKeys.Create(options.HmacPreviousSecretKey);
                _hmacPreviousValidUntil = options.HmacPreviousSecretKeyValidUntil;
            }
        }

        if (!string.IsNullOrEmpty(options.RsaPublicKey))
        {
            _rsaKey = new RsaSecurityKey(PemPublicKeys.LoadRsa(options.RsaPublicKey));
        }

        if (!string.IsNullOrEmpty(options.EcdsaPublicKey))
        {
            var ecdsa = PemPublicKeys.LoadEcdsa(options.EcdsaPublicKey);
            _ecdsaKey = new ECDsaSecurityKey(ecdsa);
            _ecdsaAlgorithm = JwtAlgorithms.EcdsaAlgorithmForKey(ecdsa);
        }
    }

    /// <summary>Checks everything but the lifetime and returns the parsed token.</summary>
    /// <exception cref="InvalidTokenException">The token is malformed, badly signed or fails a claim check.</exception>
    /// <exception cref="TokenVerificationUnavailableException">The JWKS endpoint could not be used.</exception>
    public async ValueTask<VerifiedToken> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidTokenException("empty token");
        }

        if (token.Length > _maxTokenLength)
        {
            throw new InvalidTokenException("token is longer than the allowed maximum");
        }

        var jwt = Read(token);
        var document = ParsePayload(jwt);
        try
        {
            var registered = RegisteredClaims.Read(document.RootElement, _userIdClaim);
            var variables = _audienceIssuer.Check(registered);
            if (!_skipSignature)
            {
                await VerifySignatureAsync(jwt, variables, cancellationToken).ConfigureAwait(false);
            }

            return new VerifiedToken(document, registered);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Throws when the token is expired (<c>exp</c> at or before now) or not valid yet (<c>nbf</c> after now).</summary>
    /// <exception cref="TokenExpiredException">The token is outside its lifetime.</exception>
    public void EnsureLifetime(RegisteredClaims claims)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        if (claims.Expires is { } expires && now >= expires)
        {
            throw new TokenExpiredException();
        }

        if (claims.NotBefore is { } notBefore && now < notBefore)
        {
            throw new TokenExpiredException("token not valid yet");
        }
    }

    private JsonWebToken Read(string token)
    {
        if (token.Count(c => c == '.') != 2)
        {
            throw new InvalidTokenException("token must be a signed JWT in compact form");
        }

        try
        {
            return _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException or SecurityTokenException)
        {
            throw new InvalidTokenException("malformed token");
        }
    }

    private static JsonDocument ParsePayload(JsonWebToken jwt)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.EncodedPayload), PayloadOptions);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidTokenException("malformed token payload");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidTokenException("token payload must be a JSON object");
        }

        return document;
    }

    private async ValueTask VerifySignatureAsync(
        JsonWebToken jwt, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var algorithm = jwt.Alg;
        if (string.IsNullOrEmpty(algorithm) || string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidTokenException("unsigned tokens are not accepted");
        }

        var keys = _jwks is null
            ? SelectStaticKeys(algorithm)
            : [await SelectJwksKeyAsync(jwt, algorithm, variables, cancellationToken).ConfigureAwait(false)];

        var parameters = new TokenValidationParameters
        {
            ValidateAudience = false,
            ValidateIssuer = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
            ValidateTokenReplay = false,
            RequireSignedTokens = true,
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = [algorithm],
            LogValidationExceptions = false,
        };
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new InvalidTokenException("invalid token signature");
        }
    }

    private SecurityKey[] SelectStaticKeys(string algorithm)
    {
        if (JwtAlgorithms.IsHmac(algorithm) && _hmacKey is not null)
        {
            return _hmacPreviousKey is not null
                && (_hmacPreviousValidUntil is not { } until || _timeProvider.GetUtcNow() < until)
                ? [_hmacKey, _hmacPreviousKey]
                : [_hmacKey];
        }

        if (JwtAlgorithms.IsRsa(algorithm) && _rsaKey is not null)
        {
            return [_rsaKey];
        }

        if (JwtAlgorithms.IsEcdsa(algorithm) && _ecdsaKey is not null && algorithm == _ecdsaAlgorithm)
        {
            return [_ecdsaKey];
        }

        throw new InvalidTokenException("token algorithm is not enabled");
    }

    private async ValueTask<SecurityKey> SelectJwksKeyAsync(
        JsonWebToken jwt, string algorithm, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(jwt.Kid))
        {
            throw new InvalidTokenException("token has no kid header");
        }

        if (!_jwksUrl!.TryExpand(variables, out var url))
        {
            throw new InvalidTokenException("token does not provide the values of the JWKS endpoint placeholders");
        }

        var key = await _jwks!.GetKeyAsync(url, jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (key.UnsupportedReason is { } reason)
        {
            throw new InvalidTokenException($"JWKS key cannot be used: {reason}");
        }

        return key.Accepts(algorithm) ? key.Key! : throw new InvalidTokenException("token algorithm does not match the JWKS key");
    }
}
