namespace K8sRelay.Operator.Status;

/// <summary>Condition types of a RealtimeCluster.</summary>
public static class ConditionTypes
{
    /// <summary>Every desired replica runs the current template and is ready, the engine is ready and no drain runs.</summary>
    public const string Ready = "Ready";

    /// <summary>At least one server pod is ready to serve clients.</summary>
    public const string Available = "Available";

    /// <summary>A rollout or scale change is in progress.</summary>
    public const string Progressing = "Progressing";

    /// <summary>The engine (memory, managed or external Redis) is usable.</summary>
    public const string EngineReady = "EngineReady";

    /// <summary>The spec renders a server config that the server accepts.</summary>
    public const string ConfigValid = "ConfigValid";

    /// <summary>The last reconciliation applied every child without error.</summary>
    public const string Reconciled = "Reconciled";

    /// <summary>The pause annotation stops reconciliation.</summary>
    public const string Paused = "Paused";

    /// <summary>Pods are being drained before a scale-down.</summary>
    public const string Draining = "Draining";
}
