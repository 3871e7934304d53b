using System.ComponentModel.DataAnnotations;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>Desired state of a RealtimeCluster.</summary>
[CelRule("self.engine.type != 'Memory' || self.replicas <= 1", "the Memory engine supports one replica only; use engine.type Redis to run more")]
[CelRule("!has(self.autoscaling) || !has(self.autoscaling.enabled) || !self.autoscaling.enabled || self.engine.type != 'Memory'", "autoscaling needs the Redis engine")]
public sealed class RealtimeClusterSpec
{
    /// <summary>Server container image. Defaults to k8srelay/server with the version below, or the operator's default version.</summary>
    public string? Image { get; set; }

    /// <summary>Server version used to build the default image reference and reported as app.kubernetes.io/version. Ignored when image is set.</summary>
    public string? Version { get; set; }

    /// <summary>Image pull policy of the server container: Always, IfNotPresent or Never. Empty lets Kubernetes decide.</summary>
    [RegularExpression("^(Always|IfNotPresent|Never)?$")]
    public string? ImagePullPolicy { get; set; }

    /// <summary>Names of Secrets used to pull the images.</summary>
    public List<string>? ImagePullSecrets { get; set; }

    /// <summary>Desired number of server pods. Written by the HPA through the scale subresource when autoscaling is enabled.</summary>
    [Range(0, 1000)]
    public int Replicas { get; set; } = 1;

    /// <summary>Engine that connects the server pods: Memory (single pod) or Redis.</summary>
    public EngineSpec Engine { get; set; } = new();

    /// <summary>Secrets the server uses: token HMAC key, server API key and admin credentials.</summary>
    public AuthSpec Auth { get; set; } = new();

    /// <summary>Server configuration: allowed origins, channel namespaces and a raw escape hatch.</summary>
    public ServerConfigSpec Config { get; set; } = new();

    /// <summary>Connection capacity of each pod.</summary>
    public CapacitySpec Capacity { get; set; } = new();

    /// <summary>Horizontal autoscaling on client connections per pod.</summary>
    public AutoscalingSpec Autoscaling { get; set; } = new();

    /// <summary>How pods are replaced on a change and how long they take to shut down.</summary>
    public RolloutSpec Rollout { get; set; } = new();

    /// <summary>How pods are chosen and drained when the replica count goes down.</summary>
    public ScaleDownSpec ScaleDown { get; set; } = new();

    /// <summary>Services that expose the cluster.</summary>
    public ServicesSpec Service { get; set; } = new();

    /// <summary>PodDisruptionBudget of the server pods.</summary>
    public DisruptionBudgetSpec PodDisruptionBudget { get; set; } = new();

    /// <summary>Compute resources of the server container (a core/v1 ResourceRequirements).</summary>
    [PreserveUnknownFields]
    public k8s.Models.V1ResourceRequirements? Resources { get; set; }

    /// <summary>Where the server pods are scheduled.</summary>
    public SchedulingSpec Scheduling { get; set; } = new();

    /// <summary>Overrides merged into the generated pod template last: labels, annotations, extra containers, volumes, env.</summary>
    public PodTemplateOverrideSpec PodTemplate { get; set; } = new();

    /// <summary>Prometheus scraping of the server pods.</summary>
    public MonitoringSpec Monitoring { get; set; } = new();
}
