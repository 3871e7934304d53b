using System.ComponentModel.DataAnnotations;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>
/// A HorizontalPodAutoscaler (autoscaling/v2) that targets this RealtimeCluster's scale subresource and scales on
/// the per-pod average of a Pods metric, by default centrifugo_node_num_clients served by a metrics adapter.
/// </summary>
[CelRule("!has(self.enabled) || !self.enabled || self.minReplicas <= self.maxReplicas", "autoscaling.minReplicas must not exceed maxReplicas")]
public sealed class AutoscalingSpec
{
    /// <summary>Create the HorizontalPodAutoscaler.</summary>
    public bool Enabled { get; set; }

    /// <summary>Lowest replica count the autoscaler sets.</summary>
    [Range(1, 1000)]
    public int MinReplicas { get; set; } = 2;

    /// <summary>Highest replica count the autoscaler sets.</summary>
    [Range(1, 1000)]
    public int MaxReplicas { get; set; } = 10;

    /// <summary>Target average of client connections per pod.</summary>
    [Range(1, 10000000)]
    public int TargetConnectionsPerPod { get; set; } = 10000;

    /// <summary>Name of the Pods metric, as the metrics adapter serves it.</summary>
    [MinLength(1)]
    public string MetricName { get; set; } = "centrifugo_node_num_clients";

    /// <summary>Optional additional target of average CPU utilization in percent of requests. 0 disables it.</summary>
    [Range(0, 1000)]
    public int CpuTargetUtilization { get; set; }

    /// <summary>
    /// Scaling behavior (an autoscaling/v2 HorizontalPodAutoscalerBehavior). Empty means the operator default: a
    /// 600 s scale-down stabilization window and at most one pod removed per two minutes, because moved
    /// connections take time to spread out.
    /// </summary>
    [PreserveUnknownFields]
    public k8s.Models.V2HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}
