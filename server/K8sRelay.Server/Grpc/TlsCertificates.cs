using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using K8sRelay.Configuration;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Grpc;

/// <summary>
/// Loads the server certificate of a TLS block (<c>grpc_api.tls</c>, <c>uni_grpc.tls</c>): each PEM from its
/// file, else base64, else raw text. A PEM that cannot be read or parsed, or a key that does not belong to the
/// certificate, is a <see cref="ConfigException"/> naming the key it came from, for example
/// <c>invalid value for "uni_grpc.tls.cert_pem": not a PEM certificate</c>.
/// </summary>
internal static class TlsCertificates
{
    /// <summary>Loads the certificate and private key of <paramref name="tls"/>, configured under <paramref name="section"/>.</summary>
    public static X509Certificate2 LoadServerCertificate(TlsConfig tls, string section)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var (cert, certKey) = Pem(tls.CertPemFile, tls.CertPemB64, tls.CertPem, section, "cert_pem");
        var (key, keyKey) = Pem(tls.KeyPemFile, tls.KeyPemB64, tls.KeyPem, section, "key_pem");
        try
        {
            using var certificateOnly = X509Certificate2.CreateFromPem(cert);
        }
        catch (CryptographicException ex)
        {
            throw Invalid(certKey, "not a PEM certificate (" + ex.Message + ")", ex);
        }

        X509Certificate2 ephemeral;
        try
        {
            ephemeral = X509Certificate2.CreateFromPem(cert, key);
        }
        catch (CryptographicException ex)
        {
            throw Invalid(keyKey, "not a PEM private key of the configured certificate (" + ex.Message + ")", ex);
        }

        using (ephemeral)
        {
            // Kestrel needs a certificate whose private key survives outside the PEM import.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
    }

    private static (string Text, string Key) Pem(string file, string base64, string raw, string section, string name)
    {
        if (!string.IsNullOrEmpty(file))
        {
            var key = $"{section}.{name}_file";
            try
            {
                return (File.ReadAllText(file), key);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw Invalid(key, $"cannot read {file}: {ex.Message}", ex);
            }
        }

        if (!string.IsNullOrEmpty(base64))
        {
            var key = $"{section}.{name}_b64";
            try
            {
                return (Encoding.UTF8.GetString(Convert.FromBase64String(base64)), key);
            }
            catch (FormatException ex)
            {
                throw Invalid(key, "not valid base64", ex);
            }
        }

        if (!string.IsNullOrEmpty(raw))
        {
            return (raw, $"{section}.{name}");
        }

        throw new ConfigException($"invalid value for \"{section}.{name}\": TLS is enabled but no {name}, {name}_b64 or {name}_file is set");
    }

    private static ConfigException Invalid(string key, string problem, Exception inner) =>
        new($"invalid value for \"{key}\": {problem}", inner);
}
