using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;

namespace K8sRelay.Core.Auth;

/// <summary>
/// An Ed25519 public key (JWK <c>kty: OKP</c>, <c>crv: Ed25519</c>) for the JWT library. The library has no
/// EdDSA support of its own, so every key carries a provider factory whose <see cref="EdDsaCryptoProvider"/>
/// hands the library an <see cref="EdDsaSignatureProvider"/> for <c>alg: EdDSA</c>. Verification only.
/// </summary>
internal sealed class Ed25519SecurityKey : SecurityKey
{
    /// <summary>Length of an encoded Ed25519 public key in bytes.</summary>
    public const int PublicKeyLength = 32;

    private static readonly CryptoProviderFactory Factory = new()
    {
        CustomCryptoProvider = new EdDsaCryptoProvider(),
        CacheSignatureProviders = false,
    };

    private Ed25519SecurityKey(Ed25519PublicKeyParameters publicKey, string keyId)
    {
        PublicKey = publicKey;
        KeyId = keyId;
        CryptoProviderFactory = Factory;
    }

    /// <summary>The decoded public key.</summary>
    public Ed25519PublicKeyParameters PublicKey { get; }

    /// <inheritdoc />
    public override int KeySize => PublicKeyLength * 8;

    /// <summary>Creates the key from the JWK <c>x</c> member (the 32-byte encoded point).</summary>
    /// <exception cref="FormatException">The bytes are not a valid Ed25519 public key.</exception>
    public static Ed25519SecurityKey FromPublicKey(ReadOnlySpan<byte> encoded, string keyId)
    {
        if (encoded.Length != PublicKeyLength)
        {
            throw new FormatException("an Ed25519 public key has 32 bytes");
        }

        try
        {
            return new Ed25519SecurityKey(new Ed25519PublicKeyParameters(encoded), keyId);
        }
        catch (ArgumentException)
        {
            // The library refuses encodings that are not a point on the curve.
            throw new FormatException("not a valid Ed25519 public key");
        }
    }
}
