namespace K8sRelay.Operator.Entities;

/// <summary>
/// Explicit, observable rotation of generated secrets. Setting requestedAt to a new value regenerates every
/// generated value once and rolls the pods; status.auth.rotatedAt records the value that was honoured.
/// </summary>
public sealed class RotationSpec
{
    /// <summary>Any new value (a timestamp is customary) requests one rotation.</summary>
    public string? RequestedAt { get; set; }
}
