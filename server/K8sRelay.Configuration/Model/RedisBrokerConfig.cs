namespace K8sRelay.Configuration.Model;

/// <summary>The <c>broker.redis</c> section: connection plus broker-only options.</summary>
public sealed class RedisBrokerConfig : RedisConnectionConfig
{
    /// <summary>
    /// <c>history_use_lists</c>: keep history in Redis lists instead of streams (no pagination,
    /// no idempotent publish, no reverse order). Default false.
    /// </summary>
    public bool HistoryUseLists { get; set; }
}
