namespace K8sRelay.Configuration.Model;

/// <summary>The <c>node</c> section: this node inside a cluster.</summary>
public sealed class NodeConfig
{
    /// <summary><c>node.name</c>: human-readable node name shown in the admin UI. Default empty (host name and port).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>node.info_metrics_aggregate_interval</c>: how often node metrics for the <c>info</c> call are aggregated, &gt; 0. Default 60s.</summary>
    public TimeSpan InfoMetricsAggregateInterval { get; set; } = TimeSpan.FromSeconds(60);
}
