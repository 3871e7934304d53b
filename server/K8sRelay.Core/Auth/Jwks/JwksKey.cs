using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth.Jwks;

/// <summary>One signing key of a key set, or the reason it cannot be used.</summary>
/// <param name="KeyId">The JWK <c>kid</c>.</param>
/// <param name="KeyType">The JWK <c>kty</c>: RSA, EC, OKP, ….</param>
/// <param name="Algorithm">The JWK <c>alg</c> when present; a token must then use exactly it.</param>
/// <param name="Curve">The JWK <c>crv</c> for EC and OKP keys.</param>
/// <param name="Key">The key for the JWT library, or null when <paramref name="UnsupportedReason"/> is set.</param>
/// <param name="UnsupportedReason">Why the key cannot verify anything, or null.</param>
internal sealed record JwksKey(
    string KeyId, string KeyType, string? Algorithm, string? Curve, SecurityKey? Key, string? UnsupportedReason)
{
    /// <summary>True when a token signed with <paramref name="alg"/> may be verified with this key.</summary>
    public bool Accepts(string alg)
    {
        if (Key is null || (Algorithm is not null && Algorithm != alg))
        {
            return false;
        }

        return KeyType switch
        {
            "RSA" => JwtAlgorithms.IsRsa(alg),
            "EC" => JwtAlgorithms.EcdsaAlgorithmForCurve(Curve) == alg,
            "OKP" => Curve == "Ed25519" && alg == JwtAlgorithms.EdDsa,
            _ => false,
        };
    }
}
