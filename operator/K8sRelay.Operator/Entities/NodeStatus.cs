namespace K8sRelay.Operator.Entities;

/// <summary>One server node as reported by the server's info call.</summary>
public sealed class NodeStatus
{
    /// <summary>Node name; the pod name unless the server was configured otherwise.</summary>
    public string Name { get; set; } = "";

    /// <summary>Connected clients.</summary>
    public long Clients { get; set; }

    /// <summary>Distinct users.</summary>
    public long Users { get; set; }

    /// <summary>Channel subscriptions.</summary>
    public long Subscriptions { get; set; }
}
