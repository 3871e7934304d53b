namespace K8sRelay.Configuration.Model;

/// <summary>One item of <c>proxies</c>: a proxy that namespaces reference by name.</summary>
public sealed class NamedProxyConfig : ProxyConfig
{
    /// <summary><c>name</c>: unique name matching <c>^[-a-zA-Z0-9_.]{2,}$</c>; <c>default</c> is reserved.</summary>
    public string Name { get; set; } = "";
}
