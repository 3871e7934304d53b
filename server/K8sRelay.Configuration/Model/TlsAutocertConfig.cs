namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http_server.tls_autocert</c> section: certificates from an ACME provider such as Let's Encrypt.</summary>
public sealed class TlsAutocertConfig
{
    /// <summary><c>http_server.tls_autocert.enabled</c>: obtain certificates automatically. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>http_server.tls_autocert.host_whitelist</c>: host names certificates may be issued for. Default empty.</summary>
    public List<string> HostWhitelist { get; set; } = [];

    /// <summary><c>http_server.tls_autocert.cache_dir</c>: directory to cache certificates in. Default empty (no cache).</summary>
    public string CacheDir { get; set; } = "";

    /// <summary><c>http_server.tls_autocert.email</c>: contact e-mail given to the ACME provider. Default empty.</summary>
    public string Email { get; set; } = "";

    /// <summary><c>http_server.tls_autocert.server_name</c>: server name used when the client sends no SNI. Default empty.</summary>
    public string ServerName { get; set; } = "";

    /// <summary><c>http_server.tls_autocert.http</c>: also serve the ACME HTTP-01 challenge. Default false.</summary>
    public bool Http { get; set; }

    /// <summary><c>http_server.tls_autocert.http_addr</c>: address of the HTTP-01 challenge server. Default <c>:80</c>.</summary>
    public string HttpAddr { get; set; } = ":80";
}
