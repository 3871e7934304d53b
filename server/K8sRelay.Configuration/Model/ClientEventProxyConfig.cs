namespace K8sRelay.Configuration.Model;

/// <summary>A connection-wide proxy (<c>client.proxy.connect</c> or <c>client.proxy.refresh</c>): a proxy plus an on switch.</summary>
public sealed class ClientEventProxyConfig : ProxyConfig
{
    /// <summary><c>enabled</c>: use this proxy. Default false.</summary>
    public bool Enabled { get; set; }
}
