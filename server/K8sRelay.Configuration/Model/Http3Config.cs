namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http_server.http3</c> section (experimental).</summary>
public sealed class Http3Config
{
    /// <summary><c>http_server.http3.enabled</c>: serve HTTP/3 (needs TLS). Default false.</summary>
    public bool Enabled { get; set; }
}
