using K8sRelay.Configuration.Model;

namespace K8sRelay.Engines.Redis;

/// <summary>Copies Centrifugo's <c>engine.redis</c> / <c>presence_manager.redis</c> configuration into <see cref="RedisEngineOptions"/>.</summary>
public static class RedisConfigMapping
{
    /// <summary>
    /// Applies <paramref name="config"/> to <paramref name="options"/>. Shards come from <c>cluster_address</c> when set
    /// (each entry one Cluster, seeds separated by commas), else from <c>sentinel_address</c> (each entry one Sentinel
    /// group watching <c>sentinel_master_name</c>), else from <c>address</c>. TLS is switched on by <c>tls.enabled</c>;
    /// custom CA and client certificates are not applied (the system trust store is used).
    /// </summary>
    public static void Apply(RedisConnectionConfig config, RedisEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (config.ClusterAddress.Count > 0)
        {
            options.Address = config.ClusterAddress.Select(seeds => "redis+cluster://" + seeds.Trim()).ToList();
        }
        else if (config.SentinelAddress.Count > 0)
        {
            options.Address = config.SentinelAddress
                .Select(sentinels => $"redis+sentinel://{sentinels.Trim()}?sentinel_master_name={Uri.EscapeDataString(config.SentinelMasterName)}")
                .ToList();
        }
        else
        {
            options.Address = [.. config.Address];
        }

        options.Prefix = config.Prefix;
        options.ConnectTimeout = config.ConnectTimeout;
        options.IoTimeout = config.IoTimeout;
        options.Db = config.Db;
        options.User = NullIfEmpty(config.User);
        options.Password = NullIfEmpty(config.Password);
        options.ClientName = NullIfEmpty(config.ClientName);
        options.SentinelMasterName = NullIfEmpty(config.SentinelMasterName);
        options.SentinelUser = NullIfEmpty(config.SentinelUser);
        options.SentinelPassword = NullIfEmpty(config.SentinelPassword);
        options.Tls = config.Tls.Enabled;
        switch (config)
        {
            case RedisEngineConfig engine:
                options.PresenceTtl = engine.PresenceTtl;
                break;
            case RedisPresenceManagerConfig presence:
                options.PresenceTtl = presence.PresenceTtl;
                break;
            default:
                break;
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
