using k8s;
using k8s.Models;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>
/// A RealtimeCluster runs a Centrifugo-compatible K8sRelay server cluster: a Deployment of server pods, its
/// Services, rendered configuration and secrets, an optional operator-managed or external Redis engine,
/// a PodDisruptionBudget and an optional HorizontalPodAutoscaler on connections per pod.
/// </summary>
[KubernetesEntity(Group = Group, ApiVersion = Version, Kind = EntityKind, PluralName = Plural)]
[ResourceNames(ShortNames = ["rtc"], Categories = ["realtime"])]
[ScaleSubresource(".spec.replicas", ".status.replicas", ".status.selector")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", Description = "Whether every replica serves clients.")]
[PrinterColumn("Replicas", "integer", ".spec.replicas", Description = "Desired server pods.")]
[PrinterColumn("Available", "integer", ".status.readyReplicas", Description = "Ready server pods.")]
[PrinterColumn("Connections", "integer", ".status.connections.total", Description = "Client connections over all pods.")]
[PrinterColumn("Engine", "string", ".spec.engine.type", Description = "Memory or Redis.")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class V1Alpha1RealtimeCluster : IKubernetesObject<V1ObjectMeta>, ISpec<RealtimeClusterSpec>, IStatus<RealtimeClusterStatus?>
{
    /// <summary>API group of the resource.</summary>
    public const string Group = "k8srelay.io";

    /// <summary>API version within the group.</summary>
    public const string Version = "v1alpha1";

    /// <summary>Kind name.</summary>
    public const string EntityKind = "RealtimeCluster";

    /// <summary>Plural resource name used in URLs.</summary>
    public const string Plural = "realtimeclusters";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = Group + "/" + Version;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = EntityKind;

    /// <summary>Standard object metadata.</summary>
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>Desired state of the cluster.</summary>
    public RealtimeClusterSpec Spec { get; set; } = new();

    /// <summary>Observed state of the cluster, written by the operator only.</summary>
    public RealtimeClusterStatus? Status { get; set; }
}
