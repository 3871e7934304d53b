namespace K8sRelay.Operator.Builders;

/// <summary>Names of the objects the operator creates for one RealtimeCluster.</summary>
/// <param name="Cluster">Name of the RealtimeCluster.</param>
public sealed record ClusterNames(string Cluster)
{
    /// <summary>The server Deployment.</summary>
    public string Deployment => Cluster;

    /// <summary>The client Service.</summary>
    public string ClientService => Cluster;

    /// <summary>The internal Service: server API, health and metrics.</summary>
    public string InternalService => Cluster + "-internal";

    /// <summary>The ConfigMap with the rendered config.json.</summary>
    public string ConfigMap => Cluster + "-config";

    /// <summary>The Secret with generated values.</summary>
    public string AuthSecret => Cluster + "-auth";

    /// <summary>The HorizontalPodAutoscaler.</summary>
    public string Autoscaler => Cluster;

    /// <summary>The PodDisruptionBudget of the server pods.</summary>
    public string DisruptionBudget => Cluster;

    /// <summary>The managed Redis StatefulSet and its client Service.</summary>
    public string Redis => Cluster + "-redis";

    /// <summary>The headless Service that gives each managed Redis pod a stable DNS name.</summary>
    public string RedisHeadless => Cluster + "-redis-headless";

    /// <summary>The Sentinel StatefulSet and its Service.</summary>
    public string Sentinel => Cluster + "-redis-sentinel";

    /// <summary>The Sentinel master name of a managed Sentinel topology.</summary>
    public string SentinelMaster => Cluster;
}
