namespace K8sRelay.Configuration.Model;

/// <summary>The <c>rpc.ping</c> section.</summary>
public sealed class RpcPingConfig
{
    /// <summary><c>rpc.ping.enabled</c>: answer the ping method with an empty result. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>rpc.ping.method</c>: name of the ping method. Default <c>ping</c>.</summary>
    public string Method { get; set; } = "ping";
}
