namespace K8sRelay.Core.Cluster;

/// <summary>Timing of the control traffic between nodes.</summary>
public sealed record ClusterOptions
{
    /// <summary>How often a node publishes its <c>info</c> entry (Centrifugo: 3 s).</summary>
    public TimeSpan NodeInfoInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a silent node stays listed (Centrifugo: two intervals and a second).</summary>
    public TimeSpan NodeInfoMaxAge => NodeInfoInterval * 2 + TimeSpan.FromSeconds(1);

    /// <summary>How long a <c>channels</c> call waits for the other nodes' answers before it answers with what it has.</summary>
    public TimeSpan SurveyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
