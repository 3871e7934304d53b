using System.ComponentModel.DataAnnotations;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>
/// Rolling update pacing and shutdown timing. The pod's terminationGracePeriodSeconds is derived as
/// preStopDelaySeconds + shutdownTimeoutSeconds + 5, so the server can finish its own drain of connections.
/// </summary>
public sealed class RolloutSpec
{
    /// <summary>Extra pods created during a rollout, as a number or a percentage.</summary>
    [IntOrString]
    public k8s.Models.IntOrString MaxSurge { get; set; } = "25%";

    /// <summary>Pods that may be unavailable during a rollout, as a number or a percentage.</summary>
    [IntOrString]
    public k8s.Models.IntOrString MaxUnavailable { get; set; } = 0;

    /// <summary>Seconds a new pod must be ready before the rollout continues; spreads reconnects out.</summary>
    [Range(0, 3600)]
    public int MinReadySeconds { get; set; } = 10;

    /// <summary>Seconds the preStop hook waits so endpoints stop routing to the pod before it shuts down.</summary>
    [Range(0, 600)]
    public int PreStopDelaySeconds { get; set; } = 5;

    /// <summary>Seconds the server takes to close its connections on shutdown (shutdown.timeout).</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;
}
