using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>Builds the PodDisruptionBudget of the server pods.</summary>
public static class DisruptionBudgetBuilder
{
    /// <summary>The PodDisruptionBudget, or null when disabled or when at most one pod is ever desired.</summary>
    public static V1PodDisruptionBudget? Build(V1Alpha1RealtimeCluster cluster)
    {
        var spec = cluster.Spec;
        var most = spec.Autoscaling.Enabled ? spec.Autoscaling.MaxReplicas : spec.Replicas;
        if (!spec.PodDisruptionBudget.Enabled || most <= 1)
        {
            return null;
        }

        var budget = spec.PodDisruptionBudget;
        return new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = OwnerReferences.ChildMetadata(cluster, new ClusterNames(cluster.Metadata.Name).DisruptionBudget, Labels.ServerComponent),
            Spec = new V1PodDisruptionBudgetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = Labels.Selector(cluster.Metadata.Name, Labels.ServerComponent) },
                MinAvailable = budget.MinAvailable is { } min ? IntOrStrings.Parse(min) : null,
                MaxUnavailable = budget.MinAvailable is null ? IntOrStrings.Parse(budget.MaxUnavailable ?? 1) : null,
            },
        };
    }
}
