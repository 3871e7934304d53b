namespace K8sRelay.Operator;

/// <summary>Settings of the operator process, bound from the "Operator" configuration section (or K8SRELAY_OPERATOR__* variables).</summary>
public sealed class OperatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Operator";

    /// <summary>Namespace to watch. Empty (default) watches every namespace.</summary>
    public string? WatchNamespace { get; set; }

    /// <summary>Reconcile workers running in parallel; one key is never reconciled by two at once. Default 2.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How often every RealtimeCluster is reconciled without an event, which refreshes connection counts. Default 60 s.</summary>
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First retry delay of a failed reconciliation; doubles per consecutive failure. Default 500 ms.</summary>
    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest retry delay of a failed reconciliation. Default 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Server-side timeout of each watch request. Default 5 minutes.</summary>
    public TimeSpan WatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long graceful shutdown waits for in-flight reconciliations. Default 20 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Image repository used when a RealtimeCluster sets no image. Default k8srelay/server.</summary>
    public string DefaultImageRepository { get; set; } = "k8srelay/server";

    /// <summary>Server version used when a RealtimeCluster sets neither image nor version. Default "latest".</summary>
    public string DefaultServerVersion { get; set; } = "latest";

    /// <summary>Timeout of calls to the server's HTTP API (info, drain). Default 5 s.</summary>
    public TimeSpan ServerApiTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Address the health and metrics endpoints listen on. Default http://0.0.0.0:8080.</summary>
    public string HealthUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Leader election of replicated operator pods.</summary>
    public LeaderElectionOptions LeaderElection { get; set; } = new();
}
