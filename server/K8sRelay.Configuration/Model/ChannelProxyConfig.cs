namespace K8sRelay.Configuration.Model;

/// <summary>
/// The <c>channel.proxy</c> section: the proxies namespaces use under the name <c>default</c>
/// when their <c>*_proxy_enabled</c> option is on.
/// </summary>
public sealed class ChannelProxyConfig
{
    /// <summary><c>channel.proxy.subscribe</c>: subscribe permission proxy.</summary>
    public ProxyConfig Subscribe { get; set; } = new();

    /// <summary><c>channel.proxy.publish</c>: client publish proxy.</summary>
    public ProxyConfig Publish { get; set; } = new();

    /// <summary><c>channel.proxy.sub_refresh</c>: subscription refresh proxy.</summary>
    public ProxyConfig SubRefresh { get; set; } = new();

    /// <summary><c>channel.proxy.subscribe_stream</c>: GRPC subscribe stream proxy.</summary>
    public ProxyConfig SubscribeStream { get; set; } = new();
}
