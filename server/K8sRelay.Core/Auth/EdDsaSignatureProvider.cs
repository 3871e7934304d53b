using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Checks Ed25519 signatures (RFC 8032, pure Ed25519 without context) with BouncyCastle. Verification only:
/// the server never signs EdDSA tokens. Thread-safe; holds no unmanaged state.
/// </summary>
internal sealed class EdDsaSignatureProvider : SignatureProvider
{
    /// <summary>Length of an Ed25519 signature in bytes.</summary>
    public const int SignatureLength = 64;

    private readonly Ed25519SecurityKey _key;

    public EdDsaSignatureProvider(Ed25519SecurityKey key)
        : base(key, JwtAlgorithms.EdDsa)
    {
        _key = key;
    }

    public override byte[] Sign(byte[] input) => throw new NotSupportedException("EdDSA keys verify only");

    public override byte[] Sign(byte[] input, int offset, int count) => throw new NotSupportedException("EdDSA keys verify only");

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) =>
        throw new NotSupportedException("EdDSA keys verify only");

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return Check(input, signature);
    }

    public override bool Verify(
        byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return Check(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    protected override void Dispose(bool disposing)
    {
    }

    private bool Check(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureLength
        && _key.PublicKey.Verify(Ed25519.Algorithm.Ed25519, null, data, signature);
}
