namespace K8sRelay.Configuration.Model;

/// <summary>RPC options: the keys of <c>rpc.without_namespace</c> and of each item of <c>rpc.namespaces</c>.</summary>
public class RpcOptionsConfig
{
    /// <summary><c>proxy_enabled</c>: send RPC calls to the RPC proxy. Default false.</summary>
    public bool ProxyEnabled { get; set; }

    /// <summary><c>proxy_name</c>: proxy used: <c>default</c> (<c>rpc.proxy</c>) or a name from <c>proxies</c>. Default <c>default</c>.</summary>
    public string ProxyName { get; set; } = "default";
}
