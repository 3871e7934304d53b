using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>The client Service &lt;name&gt; and the internal API Service &lt;name&gt;-internal.</summary>
public sealed class ServicesSpec
{
    /// <summary>Type of the client Service: ClusterIP, NodePort or LoadBalancer.</summary>
    [RegularExpression("^(ClusterIP|NodePort|LoadBalancer)$")]
    public string Type { get; set; } = "ClusterIP";

    /// <summary>Port of the client Service (WebSocket, SSE, HTTP streaming).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 8000;

    /// <summary>Annotations of the client Service, for example load balancer settings.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>Port of the internal Service that serves the server API, health and metrics.</summary>
    [Range(1, 65535)]
    public int InternalPort { get; set; } = 9000;
}
