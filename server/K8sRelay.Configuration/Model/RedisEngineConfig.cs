namespace K8sRelay.Configuration.Model;

/// <summary>The <c>engine.redis</c> section: connection plus the broker and presence options of the Redis engine.</summary>
public sealed class RedisEngineConfig : RedisConnectionConfig
{
    /// <summary><c>engine.redis.history_use_lists</c>: keep history in Redis lists instead of streams. Default false.</summary>
    public bool HistoryUseLists { get; set; }

    /// <summary><c>engine.redis.presence_ttl</c>: how long a presence entry stays valid without refresh. Default 60s.</summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>engine.redis.presence_hash_field_ttl</c>: expire presence entries with hash-field TTL (Redis 7.4+). Default false.</summary>
    public bool PresenceHashFieldTtl { get; set; }

    /// <summary><c>engine.redis.presence_user_mapping</c>: keep a separate user hash to make presence stats cheap. Default false.</summary>
    public bool PresenceUserMapping { get; set; }
}
