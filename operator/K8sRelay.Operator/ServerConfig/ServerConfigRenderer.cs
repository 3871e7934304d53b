using System.Text.Json;
using K8sRelay.Configuration;
using System.Text.Json.Nodes;
using K8sRelay.Configuration.Model;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>
/// Renders a RealtimeCluster's spec into the server's config.json with the server's own config model. Secrets
/// never enter the file: they reach the pods as CENTRIFUGO_* environment variables from Secrets.
/// </summary>
public static class ServerConfigRenderer
{
    /// <summary>Keys of spec.config.raw that the operator owns, as JSON paths.</summary>
    public static readonly IReadOnlyList<string> OwnedRawKeys =
        ["engine", "http_server", "client.token", "http_api.key", "admin.password", "admin.secret", "shutdown", "node.name"];

    /// <summary>Renders the config; the result lists every problem when the spec cannot produce a valid config.</summary>
    public static RenderedServerConfig Render(V1Alpha1RealtimeCluster cluster)
    {
        var spec = cluster.Spec;
        var config = new RelayConfig();
        config.HttpServer.Port = ServerPorts.Client;
        config.HttpServer.InternalPort = ServerPorts.Internal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        config.Prometheus.Enabled = true;
        config.Health.Enabled = true;
        config.Shutdown.Timeout = TimeSpan.FromSeconds(spec.Rollout.ShutdownTimeoutSeconds);
        config.Admin.Enabled = spec.Auth.Admin.Enabled;
        config.Client.AllowedOrigins = spec.Config.AllowedOrigins ?? [];
        config.Client.ConnectionLimit = spec.Capacity.MaxConnectionsPerPod;
        config.Client.ConnectionRateLimit = spec.Capacity.ConnectionRateLimitPerPod;
        ApplyEngine(cluster, config.Engine);

        var errors = new List<string>();
        foreach (var ns in spec.Config.Namespaces ?? [])
        {
            var namespaceConfig = new ChannelNamespaceConfig
            {
                Name = ns.Name,
                Presence = ns.Presence,
                JoinLeave = ns.JoinLeave,
                HistorySize = ns.HistorySize,
                ForceRecovery = ns.ForceRecovery,
                AllowPublishForClient = ns.AllowPublishForClient,
                AllowPublishForSubscriber = ns.AllowPublishForSubscriber,
                AllowSubscribeForClient = ns.AllowSubscribeForClient,
            };
            if (ns.HistoryTtl is { Length: > 0 } ttl)
            {
                if (GoDuration.Parse(ttl) is { } parsed)
                {
                    namespaceConfig.HistoryTtl = parsed;
                }
                else
                {
                    errors.Add($"spec.config.namespaces[{ns.Name}].historyTtl: '{ttl}' is not a duration such as 300s or 5m");
                }
            }

            config.Channel.Namespaces.Add(namespaceConfig);
        }

        var json = JsonNode.Parse(RelayConfigWriter.ToJson(config, onlyNonDefault: true))!.AsObject();
        if (spec.Config.Raw is { } raw)
        {
            errors.AddRange(OwnedRawKeys.Where(path => Contains(raw, path)).Select(path => $"spec.config.raw: '{path}' is owned by the operator"));
            JsonMerge.Into(json, raw);
        }

        if (errors.Count == 0)
        {
            errors.AddRange(ServerConfigValidation.Validate(json, spec.Auth.Admin.Enabled));
        }

        return new RenderedServerConfig(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), errors);
    }

    private static void ApplyEngine(V1Alpha1RealtimeCluster cluster, EngineConfig engine)
    {
        var redis = cluster.Spec.Engine.Redis;
        if (cluster.Spec.Engine.Type != EngineType.Redis || redis is null)
        {
            engine.Type = "memory";
            return;
        }

        engine.Type = "redis";
        var target = engine.Redis;
        if (!string.IsNullOrEmpty(redis.Prefix))
        {
            target.Prefix = redis.Prefix;
        }

        var endpoints = RedisEndpoints.Of(cluster);
        target.Address = [.. endpoints.Addresses];
        target.SentinelAddress = [.. endpoints.SentinelAddresses];
        target.ClusterAddress = [.. endpoints.ClusterAddresses];
        target.SentinelMasterName = endpoints.MasterName ?? "";
        if (redis.Mode == RedisMode.External && redis.External is { } external)
        {
            target.Db = external.Db;
            target.Tls.Enabled = external.Tls;
        }
    }

    private static bool Contains(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return false;
            }
        }

        return true;
    }
}
