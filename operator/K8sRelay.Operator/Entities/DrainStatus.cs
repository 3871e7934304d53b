namespace K8sRelay.Operator.Entities;

/// <summary>A connection-aware scale-down in progress.</summary>
public sealed class DrainStatus
{
    /// <summary>Replica count the drain leads to.</summary>
    public int TargetReplicas { get; set; }

    /// <summary>Pods being drained, fewest connections first.</summary>
    public List<string> Pods { get; set; } = [];

    /// <summary>When the drain started (RFC 3339).</summary>
    public DateTime StartedAt { get; set; }
}
