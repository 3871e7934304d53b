using System.Security.Cryptography;
using System.Text;
using K8sRelay.Server.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace K8sRelay.Server.Tests.Security;

/// <summary>Tokens for the end-to-end security tests: properly signed ones and hand-assembled malformed ones.</summary>
internal static class SecurityTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Unix seconds now.</summary>
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>HS256/384/512 over the JSON texts, keyed with the UTF-8 bytes of <paramref name="secret"/>.</summary>
    public static string Hmac(string payload, string secret = RelayTestServer.HmacSecret, string alg = "HS256", string? kid = null) =>
        HmacWithKey(payload, Encoding.UTF8.GetBytes(secret), alg, kid);

    /// <summary>HS256/384/512 keyed with raw bytes (used to forge tokens with public key material).</summary>
    public static string HmacWithKey(string payload, byte[] key, string alg = "HS256", string? kid = null)
    {
        var signingInput = Encode(Header(alg, kid)) + "." + Encode(payload);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var mac = alg switch
        {
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => HMACSHA256.HashData(key, data),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(mac);
    }

    public static string Rsa(string payload, RSA rsa, string alg = "RS256", string? kid = null) =>
        Sign(payload, new RsaSecurityKey(rsa) { KeyId = kid }, alg);

    public static string Ecdsa(string payload, ECDsa ecdsa, string alg = "ES256", string? kid = null) =>
        Sign(payload, new ECDsaSecurityKey(ecdsa) { KeyId = kid }, alg);

    /// <summary>An EdDSA token signed with BouncyCastle (the JWT library cannot sign EdDSA).</summary>
    public static string EdDsa(string payload, Ed25519PrivateKeyParameters key, string kid)
    {
        var signingInput = Encode(Header("EdDSA", kid)) + "." + Encode(payload);
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        signer.BlockUpdate(data, 0, data.Length);
        return signingInput + "." + Base64UrlEncoder.Encode(signer.GenerateSignature());
    }

    /// <summary>A new Ed25519 key pair from BouncyCastle's generator.</summary>
    public static Ed25519PrivateKeyParameters NewEd25519Key()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return (Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private;
    }

    /// <summary>header.payload.signature from raw JSON texts; the signature part is used as given.</summary>
    public static string Raw(string header, string payload, string signature = "") =>
        Encode(header) + "." + Encode(payload) + "." + signature;

    public static string Encode(string text) => Base64UrlEncoder.Encode(text);

    private static string Header(string alg, string? kid) =>
        kid is null ? $$"""{"alg":"{{alg}}","typ":"JWT"}""" : $$"""{"alg":"{{alg}}","typ":"JWT","kid":"{{kid}}"}""";

    private static string Sign(string payload, SecurityKey key, string alg) =>
        Handler.CreateToken(payload, new SigningCredentials(key, alg)
        {
            // No provider cache: keys are disposed by the tests that made them.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        });
}
