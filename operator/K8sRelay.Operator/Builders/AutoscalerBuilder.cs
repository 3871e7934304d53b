using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>
/// Builds the autoscaling/v2 HorizontalPodAutoscaler that targets the RealtimeCluster's scale subresource (so the
/// operator stays in the loop on scale-down) with a Pods metric of connections per pod.
/// </summary>
public static class AutoscalerBuilder
{
    /// <summary>The HPA, or null when autoscaling is disabled.</summary>
    public static V2HorizontalPodAutoscaler? Build(V1Alpha1RealtimeCluster cluster)
    {
        var spec = cluster.Spec.Autoscaling;
        if (!spec.Enabled)
        {
            return null;
        }

        var metrics = new List<V2MetricSpec>
        {
            new()
            {
                Type = "Pods",
                Pods = new V2PodsMetricSource
                {
                    Metric = new V2MetricIdentifier { Name = spec.MetricName },
                    Target = new V2MetricTarget { Type = "AverageValue", AverageValue = new ResourceQuantity(spec.TargetConnectionsPerPod.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                },
            },
        };
        if (spec.CpuTargetUtilization > 0)
        {
            metrics.Add(new V2MetricSpec
            {
                Type = "Resource",
                Resource = new V2ResourceMetricSource { Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = spec.CpuTargetUtilization } },
            });
        }

        return new V2HorizontalPodAutoscaler
        {
            ApiVersion = "autoscaling/v2",
            Kind = "HorizontalPodAutoscaler",
            Metadata = OwnerReferences.ChildMetadata(cluster, new ClusterNames(cluster.Metadata.Name).Autoscaler, Labels.ServerComponent),
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = cluster.ApiVersion, Kind = cluster.Kind, Name = cluster.Metadata.Name },
                MinReplicas = spec.MinReplicas,
                MaxReplicas = spec.MaxReplicas,
                Metrics = metrics,
                Behavior = spec.Behavior ?? DefaultBehavior(),
            },
        };
    }

    /// <summary>Scale up by half every minute; scale down one pod per two minutes after ten calm minutes.</summary>
    public static V2HorizontalPodAutoscalerBehavior DefaultBehavior() => new()
    {
        ScaleUp = new V2HPAScalingRules
        {
            StabilizationWindowSeconds = 60,
            Policies = [new V2HPAScalingPolicy { Type = "Percent", Value = 50, PeriodSeconds = 60 }],
        },
        ScaleDown = new V2HPAScalingRules
        {
            StabilizationWindowSeconds = 600,
            Policies = [new V2HPAScalingPolicy { Type = "Pods", Value = 1, PeriodSeconds = 120 }],
        },
    };
}
