namespace K8sRelay.Configuration.Model;

/// <summary>The <c>webtransport</c> section: the experimental WebTransport transport (needs HTTP/3 and TLS).</summary>
public sealed class WebtransportConfig
{
    /// <summary><c>webtransport.enabled</c>: serve WebTransport. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>webtransport.handler_prefix</c>: path the endpoint is served at. Default <c>/connection/webtransport</c>.</summary>
    public string HandlerPrefix { get; set; } = "/connection/webtransport";

    /// <summary><c>webtransport.message_size_limit</c>: maximum incoming message size in bytes, &gt; 0. Default 65536.</summary>
    public int MessageSizeLimit { get; set; } = 65536;
}
