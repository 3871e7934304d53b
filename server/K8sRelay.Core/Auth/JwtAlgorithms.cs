using System.Security.Cryptography;

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

    /// <summary>The one ECDSA algorithm that fits the key's named curve, or null for curves other than P-256/384/521.</summary>
    public static string? EcdsaAlgorithmForKey(ECDsa key) => key.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value switch
    {
        "1.2.840.10045.3.1.7" => "ES256",
        "1.3.132.0.34" => "ES384",
        "1.3.132.0.35" => "ES512",
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
