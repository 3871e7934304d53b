namespace K8sRelay.Configuration.Model;

/// <summary>
/// A TLS block, used by <c>http_server.tls</c>, <c>grpc_api.tls</c>, Redis, NATS and proxies. Each
/// PEM can be given as a file path, as base64 or raw; a file wins over base64, base64 over raw.
/// </summary>
public sealed class TlsConfig
{
    /// <summary><c>enabled</c>: turn TLS on. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>cert_pem</c>: certificate in PEM form. Default empty.</summary>
    public string CertPem { get; set; } = "";

    /// <summary><c>cert_pem_b64</c>: certificate as base64-encoded PEM. Default empty.</summary>
    public string CertPemB64 { get; set; } = "";

    /// <summary><c>cert_pem_file</c>: path to the certificate PEM file. Default empty.</summary>
    public string CertPemFile { get; set; } = "";

    /// <summary><c>key_pem</c>: private key in PEM form. Default empty.</summary>
    public string KeyPem { get; set; } = "";

    /// <summary><c>key_pem_b64</c>: private key as base64-encoded PEM. Default empty.</summary>
    public string KeyPemB64 { get; set; } = "";

    /// <summary><c>key_pem_file</c>: path to the private key PEM file. Default empty.</summary>
    public string KeyPemFile { get; set; } = "";

    /// <summary><c>server_ca_pem</c>: root CA (PEM) a client uses to verify the server. Default empty.</summary>
    public string ServerCaPem { get; set; } = "";

    /// <summary><c>server_ca_pem_b64</c>: root CA as base64-encoded PEM. Default empty.</summary>
    public string ServerCaPemB64 { get; set; } = "";

    /// <summary><c>server_ca_pem_file</c>: path to the root CA PEM file. Default empty.</summary>
    public string ServerCaPemFile { get; set; } = "";

    /// <summary><c>client_ca_pem</c>: CA (PEM) a server uses to verify client certificates; setting it requires client certificates. Default empty.</summary>
    public string ClientCaPem { get; set; } = "";

    /// <summary><c>client_ca_pem_b64</c>: client CA as base64-encoded PEM. Default empty.</summary>
    public string ClientCaPemB64 { get; set; } = "";

    /// <summary><c>client_ca_pem_file</c>: path to the client CA PEM file. Default empty.</summary>
    public string ClientCaPemFile { get; set; } = "";

    /// <summary><c>insecure_skip_verify</c>: do not verify the server certificate. Default false.</summary>
    public bool InsecureSkipVerify { get; set; }

    /// <summary><c>server_name</c>: host name to verify in the server certificate. Default empty.</summary>
    public string ServerName { get; set; } = "";
}
