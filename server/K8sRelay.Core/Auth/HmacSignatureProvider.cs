using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace K8sRelay.Core.Auth;

/// <summary>
/// HS256/HS384/HS512 through .NET's built-in HMAC one-shot functions, for secrets shorter than the JWT
/// library's minimum (see <see cref="HmacKeys"/>). Verification compares in constant time.
/// </summary>
internal sealed class HmacSignatureProvider : SignatureProvider
{
    private readonly byte[] _key;

    public HmacSignatureProvider(SymmetricSecurityKey key, string algorithm)
        : base(key, algorithm)
    {
        _key = key.Key;
    }

    public override byte[] Sign(byte[] input) => Compute(input);

    public override byte[] Sign(byte[] input, int offset, int count) => Compute(input.AsSpan(offset, count));

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        var signature = Compute(data);
        if (signature.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        signature.CopyTo(destination);
        bytesWritten = signature.Length;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature) =>
        CryptographicOperations.FixedTimeEquals(Compute(input), signature);

    public override bool Verify(
        byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
        CryptographicOperations.FixedTimeEquals(
            Compute(input.AsSpan(inputOffset, inputLength)), signature.AsSpan(signatureOffset, signatureLength));

    protected override void Dispose(bool disposing)
    {
    }

    private byte[] Compute(ReadOnlySpan<byte> data) => Algorithm switch
    {
        "HS256" => HMACSHA256.HashData(_key, data),
        "HS384" => HMACSHA384.HashData(_key, data),
        "HS512" => HMACSHA512.HashData(_key, data),
        _ => throw new NotSupportedException("unsupported HMAC algorithm"),
    };
}
