namespace K8sRelay.Engines.Redis;

/// <summary>How one Redis address is deployed.</summary>
public enum RedisTopology
{
    /// <summary>A single server (or a server found through its address only).</summary>
    Standalone,

    /// <summary>A master found through Redis Sentinel.</summary>
    Sentinel,

    /// <summary>Redis Cluster; keys carry hash tags so each channel's keys share a slot.</summary>
    Cluster,
}
