using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Loads the configured RSA and ECDSA public keys from PEM text. Error messages describe the problem but
/// never repeat the PEM.
/// </summary>
internal static class PemPublicKeys
{
    /// <summary>Loads an RSA public key from <c>PUBLIC KEY</c>, <c>RSA PUBLIC KEY</c> or <c>CERTIFICATE</c> PEM.</summary>
    /// <exception cref="FormatException">The text is not a usable RSA public key.</exception>
    public static RSA LoadRsa(string pem)
    {
        var (label, der) = ReadFirstBlock(pem);
        var rsa = RSA.Create();
        try
        {
            switch (label)
            {
                case "PUBLIC KEY":
                    rsa.ImportSubjectPublicKeyInfo(der, out _);
                    break;
                case "RSA PUBLIC KEY":
                    rsa.ImportRSAPublicKey(der, out _);
                    break;
                case "CERTIFICATE":
                    using (var certificate = X509CertificateLoader.LoadCertificate(der))
                    {
                        using var fromCertificate = certificate.GetRSAPublicKey()
                            ?? throw new FormatException("the certificate does not hold an RSA key");
                        rsa.ImportParameters(fromCertificate.ExportParameters(includePrivateParameters: false));
                    }

                    break;
                default:
                    throw UnsupportedLabel(label);
            }

            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            throw new FormatException("the PEM block does not hold an RSA public key");
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>Loads an ECDSA public key on P-256, P-384 or P-521 from <c>PUBLIC KEY</c> or <c>CERTIFICATE</c> PEM.</summary>
    /// <exception cref="FormatException">The text is not a usable ECDSA public key.</exception>
    public static ECDsa LoadEcdsa(string pem)
    {
        var (label, der) = ReadFirstBlock(pem);
        var ecdsa = ECDsa.Create();
        try
        {
            switch (label)
            {
                case "PUBLIC KEY":
                    ecdsa.ImportSubjectPublicKeyInfo(der, out _);
                    break;
                case "CERTIFICATE":
                    using (var certificate = X509CertificateLoader.LoadCertificate(der))
                    {
                        using var fromCertificate = certificate.GetECDsaPublicKey()
                            ?? throw new FormatException("the certificate does not hold an ECDSA key");
                        ecdsa.ImportParameters(fromCertificate.ExportParameters(includePrivateParameters: false));
                    }

                    break;
                default:
                    throw UnsupportedLabel(label);
            }

            if (JwtAlgorithms.EcdsaAlgorithmForKey(ecdsa) is null)
            {
                throw new FormatException("the ECDSA key must be on curve P-256, P-384 or P-521");
            }

            return ecdsa;
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            throw new FormatException("the PEM block does not hold an ECDSA public key");
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static (string Label, byte[] Der) ReadFirstBlock(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new FormatException("no PEM block found");
        }

        var label = pem[fields.Label];
        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out var written))
        {
            throw new FormatException("the PEM block is not valid base64");
        }

        return (label, der.AsSpan(0, written).ToArray());
    }

    private static FormatException UnsupportedLabel(string label) =>
        label.Contains("PRIVATE", StringComparison.Ordinal)
            ? new FormatException("a private key was given; configure the public key only")
            : new FormatException("unsupported PEM block type; expected PUBLIC KEY or CERTIFICATE");
}
