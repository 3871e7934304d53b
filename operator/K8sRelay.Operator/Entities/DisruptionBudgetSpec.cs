using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>PodDisruptionBudget of the server pods. With neither field set, maxUnavailable is 1.</summary>
[CelRule("!(has(self.minAvailable) && has(self.maxUnavailable))", "set at most one of minAvailable or maxUnavailable")]
public sealed class DisruptionBudgetSpec
{
    /// <summary>Create the PodDisruptionBudget when more than one replica is desired.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Pods that must stay available, as a number or a percentage.</summary>
    [IntOrString]
    public k8s.Models.IntOrString? MinAvailable { get; set; }

    /// <summary>Pods that may be disrupted at once, as a number or a percentage.</summary>
    [IntOrString]
    public k8s.Models.IntOrString? MaxUnavailable { get; set; }
}
