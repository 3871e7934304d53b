namespace K8sRelay.Core.Auth;

/// <summary>The JWS algorithm names K8sRelay accepts and how they pair with key types.</summary>
internal static class JwtAlgorithms
{
    /// <summary>The EdDSA algorithm name (Ed25519 keys, JWK <c>kty: OKP</c>).</summary>
    public const string EdDsa = "EdDSA";

    /// <summary>True for HS256, HS384 and HS512.</summary>
    public static bool IsHmac(string alg) => alg is "HS256" or "HS384" or "HS512";

    /// <summary>True for RS256, RS384 and RS512.</summary>
    public static bool IsRsa(string alg) => alg is "RS256" or "RS384" or "RS512";

    /// <summary>True for ES256, ES384 and ES512.</summary>
    public static bool IsEcdsa(string alg) => alg is "ES256" or "ES384" or "ES512";

    /// <summary>The one ECDSA algorithm that fits a key of the given size in bits, or null for other curves.</summary>
    public static string? EcdsaAlgorithmForKeySize(int keySizeInBits) => keySizeInBits switch
    {
        256 => "ES256",
        384 => "ES384",
        521 => "ES512",
        _ => null,
    };

    /// <summary>The one ECDSA algorithm that fits a JWK curve name, or null for other curves.</summary>
    public static string? EcdsaAlgorithmForCurve(string? curve) => curve switch
    {
        "P-256" => "ES256",
        "P-384" => "ES384",
        "P-521" => "ES512",
        _ => null,
    };
}
