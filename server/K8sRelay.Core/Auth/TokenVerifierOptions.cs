namespace K8sRelay.Core.Auth;

/// <summary>
/// How one kind of token (connection or subscription) is verified. The server binds
/// <c>client.token.*</c> to one instance and, when <c>client.subscription_token.enabled</c> is on,
/// <c>client.subscription_token.*</c> to a second one. Property names follow the Centrifugo config keys.
/// </summary>
/// <remarks>
/// Key precedence follows Centrifugo: when <see cref="JwksPublicEndpoint"/> is set, every token must be
/// verifiable with a key from that set and the static keys are ignored. Otherwise the token's <c>alg</c>
/// header picks the key family: HS* uses the HMAC secret, RS* the RSA key and ES* the ECDSA key; an
/// algorithm whose key is not configured is rejected.
/// </remarks>
public sealed class TokenVerifierOptions
{
    /// <summary>Config section of connection token settings.</summary>
    public const string ConnectionTokenSection = "client.token";

    /// <summary>Config section of the separate subscription token settings.</summary>
    public const string SubscriptionTokenSection = "client.subscription_token";

    /// <summary>Default of <see cref="MaxTokenLength"/>: 64 KiB.</summary>
    public const int DefaultMaxTokenLength = 64 * 1024;

    /// <summary>
    /// <c>hmac_secret_key</c>: secret for HS256/HS384/HS512 tokens, used as its UTF-8 bytes.
    /// Default empty: HMAC tokens are rejected.
    /// </summary>
    public string HmacSecretKey { get; set; } = string.Empty;

    /// <summary>
    /// <c>hmac_previous_secret_key</c>: the secret being rotated out. Tried after <see cref="HmacSecretKey"/>
    /// fails, while <see cref="HmacPreviousSecretKeyValidUntil"/> is in the future (or unset). Default empty: no rotation.
    /// </summary>
    public string HmacPreviousSecretKey { get; set; } = string.Empty;

    /// <summary>
    /// <c>hmac_previous_secret_key_valid_until</c>: the moment from which the previous secret is no longer accepted.
    /// Default null: the previous secret is accepted for as long as it is configured.
    /// </summary>
    public DateTimeOffset? HmacPreviousSecretKeyValidUntil { get; set; }

    /// <summary>
    /// <c>rsa_public_key</c>: PEM (<c>PUBLIC KEY</c>, <c>RSA PUBLIC KEY</c> or <c>CERTIFICATE</c>) for RS256/RS384/RS512.
    /// Default empty: RSA tokens are rejected.
    /// </summary>
    public string RsaPublicKey { get; set; } = string.Empty;

    /// <summary>
    /// <c>ecdsa_public_key</c>: PEM (<c>PUBLIC KEY</c> or <c>CERTIFICATE</c>) on P-256, P-384 or P-521. Only the
    /// algorithm of the key's curve is accepted (ES256, ES384 or ES512). Default empty: ECDSA tokens are rejected.
    /// </summary>
    public string EcdsaPublicKey { get; set; } = string.Empty;

    /// <summary>
    /// <c>jwks_public_endpoint</c>: http(s) URL of a JSON Web Key Set. Keys are chosen by the token's <c>kid</c>
    /// header (required then). The URL may contain <c>{{name}}</c> placeholders filled from the named groups of
    /// <see cref="IssuerRegex"/> and <see cref="AudienceRegex"/>. Default empty: JWKS is not used.
    /// </summary>
    public string JwksPublicEndpoint { get; set; } = string.Empty;

    /// <summary><c>audience</c>: when set, one of the token's <c>aud</c> values must equal it. Default empty: not checked.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>
    /// <c>audience_regex</c>: when set, one of the token's <c>aud</c> values must match it (unanchored search,
    /// linear-time engine). Cannot be combined with <see cref="Audience"/>. Default empty: not checked.
    /// </summary>
    public string AudienceRegex { get; set; } = string.Empty;

    /// <summary><c>issuer</c>: when set, the token's <c>iss</c> must equal it. Default empty: not checked.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>
    /// <c>issuer_regex</c>: when set, the token's <c>iss</c> must match it (unanchored search, linear-time engine).
    /// Cannot be combined with <see cref="Issuer"/>. Default empty: not checked.
    /// </summary>
    public string IssuerRegex { get; set; } = string.Empty;

    /// <summary>
    /// <c>user_id_claim</c>: name of the string claim that carries the user id; must match <c>^[a-zA-Z_]+$</c>.
    /// Default <c>sub</c>. Empty is treated as <c>sub</c>.
    /// </summary>
    public string UserIdClaim { get; set; } = "sub";

    /// <summary>
    /// <c>insecure_skip_token_signature_verify</c>: accept tokens without checking their signature (claims,
    /// audience, issuer and lifetime are still checked). For development only. Default false.
    /// </summary>
    public bool InsecureSkipTokenSignatureVerify { get; set; }

    /// <summary>
    /// K8sRelay extension: tokens longer than this many characters are rejected before any parsing.
    /// Default <see cref="DefaultMaxTokenLength"/> (64 KiB); must be positive.
    /// </summary>
    public int MaxTokenLength { get; set; } = DefaultMaxTokenLength;

    /// <summary>K8sRelay extension: how long a downloaded key set is used before it is fetched again. Default 1 hour.</summary>
    public TimeSpan JwksCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>K8sRelay extension: timeout of one JWKS download attempt. Default 1 second.</summary>
    public TimeSpan JwksRequestTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>K8sRelay extension: extra JWKS download attempts after a failed one. Default 1; 0 disables retries.</summary>
    public int JwksRetries { get; set; } = 1;

    /// <summary>
    /// K8sRelay extension: the least time between two downloads of the same key set, so that tokens with
    /// unknown <c>kid</c> values (or an endpoint that is down) cannot make the server hammer the endpoint.
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan JwksMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
