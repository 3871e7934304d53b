namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http</c> block of a proxy.</summary>
public sealed class ProxyHttpConfig
{
    /// <summary><c>http.tls</c>: client TLS for HTTPS backends. Default off.</summary>
    public TlsConfig Tls { get; set; } = new();

    /// <summary><c>http.static_headers</c>: headers added to every request (forwarded headers win). Default empty. As an environment variable: a JSON object.</summary>
    public Dictionary<string, string> StaticHeaders { get; set; } = [];

    /// <summary><c>http.status_to_code_transforms</c>: map backend HTTP statuses to client errors or disconnects. Default empty.</summary>
    public List<HttpStatusToCodeTransformConfig> StatusToCodeTransforms { get; set; } = [];
}
