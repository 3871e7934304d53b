namespace K8sRelay.Configuration.Model;

/// <summary>One item of <c>rpc.namespaces</c>: a name plus RPC options.</summary>
public sealed class RpcNamespaceConfig : RpcOptionsConfig
{
    /// <summary><c>name</c>: unique RPC namespace name matching <c>^[-a-zA-Z0-9_.]{2,}$</c>.</summary>
    public string Name { get; set; } = "";
}
