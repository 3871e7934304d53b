namespace K8sRelay.Configuration.Model;

/// <summary>The <c>init</c> section: <c>GET /connection/init</c> returning <c>{}</c>, for load balancer checks and HTTP/2 warm-up.</summary>
public sealed class InitConfig
{
    /// <summary><c>init.enabled</c>: serve the connection init endpoint. Default false.</summary>
    public bool Enabled { get; set; }
}
