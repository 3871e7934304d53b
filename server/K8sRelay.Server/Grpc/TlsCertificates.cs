using System.Security.Cryptography.X509Certificates;
using System.Text;
using K8sRelay.Configuration.Model;

namespace K8sRelay.Server.Grpc;

/// <summary>Loads a server certificate from a TLS block: each PEM from its file, else base64, else raw text.</summary>
internal static class TlsCertificates
{
    public static X509Certificate2 LoadServerCertificate(TlsConfig tls)
    {
        var cert = Pem(tls.CertPemFile, tls.CertPemB64, tls.CertPem, "cert_pem");
        var key = Pem(tls.KeyPemFile, tls.KeyPemB64, tls.KeyPem, "key_pem");
        using var ephemeral = X509Certificate2.CreateFromPem(cert, key);

        // Kestrel needs a certificate whose private key survives outside the PEM import.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    private static string Pem(string file, string base64, string raw, string name)
    {
        if (!string.IsNullOrEmpty(file))
        {
            return File.ReadAllText(file);
        }

        if (!string.IsNullOrEmpty(base64))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }

        return !string.IsNullOrEmpty(raw) ? raw : throw new InvalidOperationException($"grpc_api.tls is enabled but no {name} is set");
    }
}
