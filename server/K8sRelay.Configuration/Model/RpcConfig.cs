namespace K8sRelay.Configuration.Model;

/// <summary>The <c>rpc</c> section: how client RPC calls are routed.</summary>
public sealed class RpcConfig
{
    /// <summary><c>rpc.proxy</c>: the RPC proxy namespaces reach under the name <c>default</c>.</summary>
    public ProxyConfig Proxy { get; set; } = new();

    /// <summary><c>rpc.without_namespace</c>: options of RPC methods without a namespace part.</summary>
    public RpcOptionsConfig WithoutNamespace { get; set; } = new();

    /// <summary><c>rpc.namespaces</c>: RPC namespaces; method <c>ns:rest</c> uses namespace <c>ns</c>. Default empty. As an environment variable: a JSON array or space-separated names.</summary>
    public List<RpcNamespaceConfig> Namespaces { get; set; } = [];

    /// <summary><c>rpc.ping</c>: a built-in RPC method answering with an empty result.</summary>
    public RpcPingConfig Ping { get; set; } = new();

    /// <summary><c>rpc.namespace_boundary</c>: separator between RPC namespace and method. Default <c>:</c>.</summary>
    public string NamespaceBoundary { get; set; } = ":";
}
