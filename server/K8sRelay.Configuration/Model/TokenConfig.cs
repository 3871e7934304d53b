namespace K8sRelay.Configuration.Model;

/// <summary>The <c>client.token</c> section: how JWTs are verified.</summary>
public class TokenConfig
{
    /// <summary><c>hmac_secret_key</c>: secret for HS256/384/512 tokens. Default empty.</summary>
    public string HmacSecretKey { get; set; } = "";

    /// <summary><c>hmac_previous_secret_key</c>: previous HMAC secret, still accepted during key rotation. Default empty.</summary>
    public string HmacPreviousSecretKey { get; set; } = "";

    /// <summary><c>hmac_previous_secret_key_valid_until</c>: Unix time (seconds) after which the previous secret is refused; 0 = no limit. Default 0.</summary>
    public long HmacPreviousSecretKeyValidUntil { get; set; }

    /// <summary><c>rsa_public_key</c>: PEM public key for RS256/384/512 tokens. Default empty.</summary>
    public string RsaPublicKey { get; set; } = "";

    /// <summary><c>ecdsa_public_key</c>: PEM public key for ES256/384/512 tokens. Default empty.</summary>
    public string EcdsaPublicKey { get; set; } = "";

    /// <summary><c>jwks_public_endpoint</c>: JWKS URL; when set every token must verify against it. Default empty.</summary>
    public string JwksPublicEndpoint { get; set; } = "";

    /// <summary><c>audience</c>: required <c>aud</c> claim. Default empty (not checked).</summary>
    public string Audience { get; set; } = "";

    /// <summary><c>audience_regex</c>: regular expression the <c>aud</c> claim must match. Default empty.</summary>
    public string AudienceRegex { get; set; } = "";

    /// <summary><c>issuer</c>: required <c>iss</c> claim. Default empty (not checked).</summary>
    public string Issuer { get; set; } = "";

    /// <summary><c>issuer_regex</c>: regular expression the <c>iss</c> claim must match. Default empty.</summary>
    public string IssuerRegex { get; set; } = "";

    /// <summary><c>user_id_claim</c>: claim holding the user ID instead of <c>sub</c>; must match <c>^[a-zA-Z_]+$</c>. Default empty (<c>sub</c>).</summary>
    public string UserIdClaim { get; set; } = "";
}
