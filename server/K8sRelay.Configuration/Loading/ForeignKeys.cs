namespace K8sRelay.Configuration.Loading;

/// <summary>
/// Keys that are not part of the model but that a Centrifugo user may well write: Centrifugo
/// options K8sRelay does not implement, and the flat keys of Centrifugo v5. They are still
/// ignored with a warning, but the warning says what they are. Legacy v5 keys are not migrated.
/// </summary>
internal static class ForeignKeys
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "consumers", "map_broker", "dev", "shared_poll", "enable_unreleased_features",
    };

    private static readonly Dictionary<string, string> V5Keys = new(StringComparer.Ordinal)
    {
        ["token_hmac_secret_key"] = "client.token.hmac_secret_key",
        ["token_rsa_public_key"] = "client.token.rsa_public_key",
        ["token_ecdsa_public_key"] = "client.token.ecdsa_public_key",
        ["token_jwks_public_endpoint"] = "client.token.jwks_public_endpoint",
        ["api_key"] = "http_api.key",
        ["api_insecure"] = "http_api.insecure",
        ["admin_password"] = "admin.password",
        ["admin_secret"] = "admin.secret",
        ["allowed_origins"] = "client.allowed_origins",
        ["port"] = "http_server.port",
        ["address"] = "http_server.address",
        ["internal_port"] = "http_server.internal_port",
        ["namespaces"] = "channel.namespaces",
        ["client_channel_limit"] = "client.channel_limit",
        ["client_queue_max_size"] = "client.queue_max_size",
        ["client_insecure"] = "client.insecure",
        ["redis_address"] = "engine.redis.address",
        ["redis_prefix"] = "engine.redis.prefix",
        ["log_level"] = "log.level",
        ["presence"] = "channel.without_namespace.presence",
        ["join_leave"] = "channel.without_namespace.join_leave",
        ["history_size"] = "channel.without_namespace.history_size",
        ["history_ttl"] = "channel.without_namespace.history_ttl",
        ["force_recovery"] = "channel.without_namespace.force_recovery",
        ["allow_subscribe_for_client"] = "channel.without_namespace.allow_subscribe_for_client",
        ["allow_publish_for_client"] = "channel.without_namespace.allow_publish_for_client",
        ["proxy_connect_endpoint"] = "client.proxy.connect.endpoint",
        ["proxy_rpc_endpoint"] = "rpc.proxy.endpoint",
    };

    /// <summary>The warning for an unknown key path.</summary>
    public static string DescribeUnknown(string keyPath)
    {
        if (Unsupported.Contains(keyPath))
        {
            return $"key \"{keyPath}\" is a Centrifugo option that K8sRelay does not support; ignored";
        }

        if (V5Keys.TryGetValue(keyPath, out var v6Key))
        {
            return $"unknown key \"{keyPath}\" ignored: it is a Centrifugo v5 key, v6 uses \"{v6Key}\"";
        }

        return $"unknown key \"{keyPath}\" ignored";
    }
}
