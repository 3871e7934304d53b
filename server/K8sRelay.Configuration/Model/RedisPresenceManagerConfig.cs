namespace K8sRelay.Configuration.Model;

/// <summary>The <c>presence_manager.redis</c> section: connection plus presence-only options.</summary>
public sealed class RedisPresenceManagerConfig : RedisConnectionConfig
{
    /// <summary><c>presence_ttl</c>: how long a presence entry stays valid without refresh. Default 60s.</summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>presence_hash_field_ttl</c>: expire presence entries with hash-field TTL (Redis 7.4+). Default false.</summary>
    public bool PresenceHashFieldTtl { get; set; }

    /// <summary><c>presence_user_mapping</c>: keep a separate user hash to make presence stats cheap. Default false.</summary>
    public bool PresenceUserMapping { get; set; }
}
