namespace K8sRelay.Operator.Runtime;

/// <summary>Outcome of one successful reconciliation: optionally, when to look at the object again.</summary>
/// <param name="RequeueAfter">Delay before the next reconciliation of the same key, or null to wait for events.</param>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter)
{
    /// <summary>Done until something changes.</summary>
    public static ReconcileResult Done => new(null);

    /// <summary>Look again after <paramref name="delay"/>.</summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
