namespace K8sRelay.Operator.Entities;

/// <summary>Summary of client connections over the server pods.</summary>
public sealed class ConnectionsStatus
{
    /// <summary>Connections over all pods.</summary>
    public long Total { get; set; }

    /// <summary>Fewest connections on one pod.</summary>
    public long PerPodMin { get; set; }

    /// <summary>Most connections on one pod.</summary>
    public long PerPodMax { get; set; }
}
