using System.Security.Cryptography;

namespace K8sRelay.Core.Tests.Auth;

/// <summary>
/// RSA key material generated once per test run (2048-bit generation is slow on small machines); each call
/// returns a new <see cref="RSA"/> instance over it, so tests never share an instance.
/// </summary>
internal static class TestKeys
{
    private static readonly Lazy<RSAParameters>[] RsaKeys =
    [
        new(Generate),
        new(Generate),
        new(Generate),
    ];

    /// <summary>A fresh RSA instance over shared key number <paramref name="index"/> (0, 1 or 2).</summary>
    public static RSA Rsa(int index) => RSA.Create(RsaKeys[index].Value);

    private static RSAParameters Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }
}
