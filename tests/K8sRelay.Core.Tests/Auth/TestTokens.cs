using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>Builds tokens for tests: signed by the JWT library, or hand-assembled for malformed cases.</summary>
internal static class TestTokens
{
    public const string Secret = "test-secret-0123456789-abcdefghij";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Hmac(string payload, string secret = Secret, string algorithm = "HS256", string? kid = null)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        return bytes.Length * 8 < int.Parse(algorithm[2..], System.Globalization.CultureInfo.InvariantCulture)
            ? HmacRaw(payload, bytes, algorithm)
            : Sign(payload, new SigningCredentials(new SymmetricSecurityKey(bytes), algorithm), kid);
    }

    /// <summary>HMAC-signed with any secret length, computed with .NET's HMAC directly.</summary>
    public static string HmacRaw(string payload, byte[] secret, string algorithm = "HS256")
    {
        var signingInput = Encode($$"""{"alg":"{{algorithm}}","typ":"JWT"}""") + "." + Encode(payload);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = algorithm switch
        {
            "HS256" => HMACSHA256.HashData(secret, data),
            "HS384" => HMACSHA384.HashData(secret, data),
            _ => HMACSHA512.HashData(secret, data),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public static string Rsa(string payload, RSA rsa, string algorithm = "RS256", string? kid = null) =>
        Sign(payload, new SigningCredentials(new RsaSecurityKey(rsa), algorithm), kid);

    public static string Ecdsa(string payload, ECDsa ecdsa, string algorithm = "ES256", string? kid = null) =>
        Sign(payload, new SigningCredentials(new ECDsaSecurityKey(ecdsa), algorithm), kid);

    public static string Sign(string payload, SigningCredentials credentials, string? kid = null)
    {
        // The library writes the "kid" header from the signing key's id. Its provider cache is keyed by key
        // thumbprint, which would hand later tests a provider over an instance an earlier test disposed.
        credentials.Key.KeyId = kid;
        credentials.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        return Handler.CreateToken(payload, credentials);
    }

    /// <summary>header.payload.signature from raw JSON texts; the signature part is used as given.</summary>
    public static string Raw(string headerJson, string payloadJson, string signature = "") =>
        Encode(headerJson) + "." + Encode(payloadJson) + "." + signature;

    public static string Encode(string text) => Base64UrlEncoder.Encode(text);

    public static long Now(TimeProvider? time = null) => (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds();
}
