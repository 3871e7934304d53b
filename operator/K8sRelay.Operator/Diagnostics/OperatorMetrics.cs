using Prometheus;

namespace K8sRelay.Operator.Diagnostics;

/// <summary>
/// Prometheus metrics of the operator itself, in a registry of its own (so several operator hosts can share a
/// process in tests). Served on /metrics of the operator's health port.
/// </summary>
public sealed class OperatorMetrics
{
    private readonly Counter _reconciles;
    private readonly Histogram _duration;
    private readonly Gauge _queueDepth;
    private readonly Counter _watchRestarts;
    private readonly Counter _drains;
    private readonly Gauge _leader;
    private readonly Counter _writes;

    /// <summary>Creates the metrics in a new registry.</summary>
    public OperatorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _reconciles = factory.CreateCounter("realtime_operator_reconciliations_total", "Reconciliations by result (success, error, paused).", "result");
        _duration = factory.CreateHistogram("realtime_operator_reconcile_duration_seconds", "Duration of one reconciliation.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 12) });
        _queueDepth = factory.CreateGauge("realtime_operator_workqueue_depth", "Keys waiting in the work queue.");
        _watchRestarts = factory.CreateCounter("realtime_operator_watch_restarts_total", "Watch restarts by kind and reason (closed, expired, error).", "kind", "reason");
        _drains = factory.CreateCounter("realtime_operator_drains_total", "Pods drained before scale-down by outcome (drained, timeout, failed).", "outcome");
        _leader = factory.CreateGauge("realtime_operator_leader", "1 while this instance holds the leader lease.");
        _writes = factory.CreateCounter("realtime_operator_api_writes_total", "Writes to the Kubernetes API by kind and verb.", "kind", "verb");
    }

    /// <summary>The registry to export.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Counts a finished reconciliation and its duration.</summary>
    public void Reconciled(string result, TimeSpan duration)
    {
        _reconciles.WithLabels(result).Inc();
        _duration.Observe(duration.TotalSeconds);
    }

    /// <summary>Sets the current depth of the work queue.</summary>
    public void QueueDepth(int depth) => _queueDepth.Set(depth);

    /// <summary>Counts a watch restart.</summary>
    public void WatchRestarted(string kind, string reason) => _watchRestarts.WithLabels(kind, reason).Inc();

    /// <summary>Counts a drained pod.</summary>
    public void Drained(string outcome) => _drains.WithLabels(outcome).Inc();

    /// <summary>Sets whether this instance leads.</summary>
    public void Leading(bool leading) => _leader.Set(leading ? 1 : 0);

    /// <summary>Counts a write to the API.</summary>
    public void Wrote(string kind, string verb) => _writes.WithLabels(kind, verb).Inc();

    /// <summary>Total reconciliations with a result, for tests and diagnostics.</summary>
    public double ReconcileCount(string result) => _reconciles.WithLabels(result).Value;
}
