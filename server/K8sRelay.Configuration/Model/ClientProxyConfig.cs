namespace K8sRelay.Configuration.Model;

/// <summary>The <c>client.proxy</c> section.</summary>
public sealed class ClientProxyConfig
{
    /// <summary><c>client.proxy.connect</c>: ask the backend to authenticate connections that carry no token.</summary>
    public ClientEventProxyConfig Connect { get; set; } = new();

    /// <summary><c>client.proxy.refresh</c>: ask the backend to prolong expiring connections.</summary>
    public ClientEventProxyConfig Refresh { get; set; } = new();
}
