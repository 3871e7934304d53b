using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Controllers;

/// <summary>What the reconciliation does about replicas this time.</summary>
/// <param name="DeploymentReplicas">Replicas to set on the Deployment.</param>
/// <param name="Drain">The drain to record in status, or null when none runs.</param>
/// <param name="StartOn">Pods to annotate and ask to drain now, fewest connections first.</param>
/// <param name="Finished">True when a drain ended now and the Deployment may remove its pods.</param>
public sealed record DrainPlan(int DeploymentReplicas, DrainStatus? Drain, IReadOnlyList<string> StartOn, bool Finished);
