using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>Per-pod connection limits.</summary>
public sealed class CapacitySpec
{
    /// <summary>Most client connections one pod accepts (client.connection_limit). 0 means no limit.</summary>
    [Range(0, 10000000)]
    public int MaxConnectionsPerPod { get; set; }

    /// <summary>New connections per second one pod accepts (client.connection_rate_limit); shields survivors from reconnect storms. 0 means no limit.</summary>
    [Range(0, 1000000)]
    public int ConnectionRateLimitPerPod { get; set; }
}
