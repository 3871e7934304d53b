using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>Connection-aware scale-down settings.</summary>
public sealed class ScaleDownSpec
{
    /// <summary>ConnectionAware (default) or Default.</summary>
    public ScaleDownPolicy Policy { get; set; } = ScaleDownPolicy.ConnectionAware;

    /// <summary>
    /// Seconds a victim pod is given to drain its connections (through the server's drain call) before the
    /// Deployment removes it. The drain ends earlier when the pod reports no clients.
    /// </summary>
    [Range(0, 3600)]
    public int DrainTimeoutSeconds { get; set; } = 60;
}
