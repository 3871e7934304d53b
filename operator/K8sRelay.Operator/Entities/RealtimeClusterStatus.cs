using k8s.Models;

namespace K8sRelay.Operator.Entities;

/// <summary>Observed state of a RealtimeCluster.</summary>
public sealed class RealtimeClusterStatus
{
    /// <summary>The metadata.generation the operator last reconciled.</summary>
    public long? ObservedGeneration { get; set; }

    /// <summary>Server pods that exist (the scale subresource's status replicas).</summary>
    public int Replicas { get; set; }

    /// <summary>Server pods that are ready.</summary>
    public int ReadyReplicas { get; set; }

    /// <summary>Server pods that run the current pod template.</summary>
    public int UpdatedReplicas { get; set; }

    /// <summary>Label selector of the server pods in string form (the scale subresource's selector).</summary>
    public string? Selector { get; set; }

    /// <summary>Hash of the rendered server configuration and referenced secrets; changes roll the pods.</summary>
    public string? ConfigHash { get; set; }

    /// <summary>Addresses applications use.</summary>
    public EndpointsStatus? Endpoints { get; set; }

    /// <summary>Where applications find the credentials.</summary>
    public SecretsStatus? Secrets { get; set; }

    /// <summary>The engine the servers were configured with.</summary>
    public EngineStatus? Engine { get; set; }

    /// <summary>Client connections reported by the server's info call.</summary>
    public ConnectionsStatus? Connections { get; set; }

    /// <summary>Per-node counts from the server's info call, at most 50 entries, ordered by pod name.</summary>
    public List<NodeStatus>? Nodes { get; set; }

    /// <summary>The connection-aware scale-down in progress, if any.</summary>
    public DrainStatus? Drain { get; set; }

    /// <summary>The last honoured spec.auth.rotation.requestedAt value.</summary>
    public string? RotatedAt { get; set; }

    /// <summary>
    /// Conditions: Ready, Available, Progressing, EngineReady, ConfigValid, Reconciled, Paused and Draining.
    /// lastTransitionTime changes only when a condition's status changes.
    /// </summary>
    public List<V1Condition>? Conditions { get; set; }
}
