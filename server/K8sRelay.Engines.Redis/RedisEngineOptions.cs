namespace K8sRelay.Engines.Redis;

/// <summary>
/// Settings of the Redis engine, named after Centrifugo's <c>engine.redis.*</c> keys. Read once when the
/// engine connects; later changes have no effect.
/// </summary>
public sealed class RedisEngineOptions
{
    /// <summary>
    /// Redis addresses (Centrifugo's <c>address</c>). One entry = one Redis deployment; several entries = client-side
    /// sharding: each channel lives on the shard picked by a jump consistent hash of its name, so every node must
    /// list the same addresses in the same order. Forms: <c>host:port</c>, <c>redis://[user:pass@]host:port[/db]</c>,
    /// <c>rediss://…</c> (TLS), <c>redis+sentinel://host:port[,host:port]?sentinel_master_name=NAME[&amp;addr=host:port]</c>,
    /// <c>redis+cluster://host:port[?addr=host:port]</c>. Default <c>127.0.0.1:6379</c>. Must not be empty.
    /// </summary>
    public IList<string> Address { get; set; } = ["127.0.0.1:6379"];

    /// <summary>Prefix of every key and PUB/SUB channel (Centrifugo's <c>prefix</c>). Default <c>centrifugo</c>. Must not be empty.</summary>
    public string Prefix { get; set; } = "centrifugo";

    /// <summary>How long a presence entry lives unless refreshed (Centrifugo's <c>presence_ttl</c>). Default 60 s. Must be positive.</summary>
    public TimeSpan PresenceTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Stream meta TTL used when a publish or history call passes none. Default 30 days.</summary>
    public TimeSpan HistoryMetaTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long idempotent publish results are remembered when a publish passes none. Default 5 minutes.</summary>
    public TimeSpan IdempotentResultTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>User for addresses that carry none (Redis 6 ACL). Default none.</summary>
    public string? User { get; set; }

    /// <summary>Password for addresses that carry none. Default none.</summary>
    public string? Password { get; set; }

    /// <summary>Database number for addresses that carry none. Default 0. Ignored by Redis Cluster.</summary>
    public int Db { get; set; }

    /// <summary>Use TLS for every address (as if each were <c>rediss://</c>). Default false.</summary>
    public bool Tls { get; set; }

    /// <summary>Client name shown in <c>CLIENT LIST</c>. Default none.</summary>
    public string? ClientName { get; set; }

    /// <summary>Sentinel master name for plain <c>host:port</c> addresses that point at Sentinels. Default none.</summary>
    public string? SentinelMasterName { get; set; }

    /// <summary>User for authenticating to Sentinels. Default none.</summary>
    public string? SentinelUser { get; set; }

    /// <summary>Password for authenticating to Sentinels. Default none.</summary>
    public string? SentinelPassword { get; set; }

    /// <summary>How long to wait for a connection (Centrifugo's <c>connect_timeout</c>). Default 1 s. Must be positive.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for a reply (Centrifugo's <c>io_timeout</c>). Default 4 s. Must be positive.</summary>
    public TimeSpan IoTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How often a shard whose connection broke is checked for having resubscribed every channel, after which the node
    /// is told that delivery is restored. Default 250 ms. Must be positive.
    /// </summary>
    public TimeSpan ReconnectCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
