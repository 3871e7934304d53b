using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>Scheduling of the server pods.</summary>
public sealed class SchedulingSpec
{
    /// <summary>Node labels the pods require.</summary>
    public Dictionary<string, string>? NodeSelector { get; set; }

    /// <summary>Tolerations (core/v1 Toleration objects).</summary>
    [PreserveUnknownFields]
    public List<k8s.Models.V1Toleration>? Tolerations { get; set; }

    /// <summary>Affinity (a core/v1 Affinity).</summary>
    [PreserveUnknownFields]
    public k8s.Models.V1Affinity? Affinity { get; set; }

    /// <summary>
    /// Topology spread constraints (core/v1 TopologySpreadConstraint objects). Empty means the operator default:
    /// spread over zones and nodes with ScheduleAnyway.
    /// </summary>
    [PreserveUnknownFields]
    public List<k8s.Models.V1TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }

    /// <summary>Priority class of the pods.</summary>
    public string? PriorityClassName { get; set; }
}
