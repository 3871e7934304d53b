using System.Text;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>Ed25519 key pairs made in the test with BouncyCastle's generator, their JWKs and EdDSA tokens.</summary>
internal static class EdDsaTestKeys
{
    /// <summary>A new Ed25519 key pair.</summary>
    public static Ed25519PrivateKeyParameters Generate()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return (Ed25519PrivateKeyParameters)generator.GenerateKeyPair().Private;
    }

    /// <summary>The public key as a JWK (<c>kty: OKP</c>, <c>crv: Ed25519</c>), with an optional <c>alg</c> member.</summary>
    public static string Jwk(Ed25519PrivateKeyParameters key, string kid, string? alg = null) =>
        RawJwk(key.GeneratePublicKey().GetEncoded(), kid, "Ed25519", alg);

    /// <summary>An OKP JWK with the given raw <c>x</c> bytes and curve.</summary>
    public static string RawJwk(byte[] x, string kid, string curve = "Ed25519", string? alg = null)
    {
        var algMember = alg is null ? string.Empty : $",\"alg\":\"{alg}\"";
        return $"{{\"kty\":\"OKP\",\"use\":\"sig\",\"kid\":\"{kid}\"{algMember},\"crv\":\"{curve}\",\"x\":\"{Base64UrlEncoder.Encode(x)}\"}}";
    }

    /// <summary>A compact JWS with header <c>{"alg":"EdDSA","kid":…}</c> signed by <paramref name="key"/>.</summary>
    public static string Token(string payload, Ed25519PrivateKeyParameters key, string kid, string alg = "EdDSA")
    {
        var signingInput = TestTokens.Encode($$"""{"alg":"{{alg}}","typ":"JWT","kid":"{{kid}}"}""") + "." + TestTokens.Encode(payload);
        return signingInput + "." + Base64UrlEncoder.Encode(Sign(key, signingInput));
    }

    /// <summary>The raw 64-byte Ed25519 signature of <paramref name="signingInput"/>.</summary>
    public static byte[] Sign(Ed25519PrivateKeyParameters key, string signingInput)
    {
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }
}
