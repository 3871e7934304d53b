using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerApi;
using K8sRelay.Operator.ServerConfig;
using K8sRelay.Operator.Status;

namespace K8sRelay.Operator.Controllers;

public sealed partial class RealtimeClusterController
{
    private const int MaxNodesInStatus = 50;

    private static RealtimeClusterStatus CloneStatus(RealtimeClusterStatus? status) =>
        status is null ? new RealtimeClusterStatus() : KubernetesJson.Deserialize<RealtimeClusterStatus>(KubernetesJson.Serialize(status));

    private static void UpdateObservedStatus(V1Alpha1RealtimeCluster cluster, ClusterCaches caches, RealtimeClusterStatus status, IReadOnlyList<ServerNodeInfo>? nodes, DateTime now)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        var names = new ClusterNames(cluster.Metadata.Name);
        var generation = cluster.Metadata.Generation;
        var conditions = status.Conditions!;
        var deployment = caches.Deployments.Get(ns, names.Deployment);
        var desired = cluster.Spec.Replicas;

        status.ObservedGeneration = generation;
        status.Replicas = deployment?.Status?.Replicas ?? 0;
        status.ReadyReplicas = deployment?.Status?.ReadyReplicas ?? 0;
        status.UpdatedReplicas = deployment?.Status?.UpdatedReplicas ?? 0;
        status.Selector = Labels.SelectorString(cluster.Metadata.Name, Labels.ServerComponent);
        status.Endpoints = new EndpointsStatus { Client = ServerServiceBuilder.ClientUrl(cluster), ServerApi = ServerServiceBuilder.ServerApiUrl(cluster) };
        status.Secrets = SecretReferences(cluster);
        var redis = RedisEndpoints.Of(cluster);
        status.Engine = new EngineStatus
        {
            Type = cluster.Spec.Engine.Type.ToString(),
            Mode = cluster.Spec.Engine.Type == EngineType.Redis ? cluster.Spec.Engine.Redis?.Mode.ToString() : null,
            Addresses = redis.All.Count > 0 ? [.. redis.All] : null,
            MasterName = redis.MasterName,
        };

        if (nodes is not null)
        {
            var ours = nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
            status.Nodes = ours.Count > 0 ? [.. ours.Take(MaxNodesInStatus).Select(n => new NodeStatus { Name = n.Name, Clients = n.Clients, Users = n.Users, Subscriptions = n.Subscriptions })] : null;
            status.Connections = ours.Count > 0
                ? new ConnectionsStatus { Total = ours.Sum(n => n.Clients), PerPodMin = ours.Min(n => n.Clients), PerPodMax = ours.Max(n => n.Clients) }
                : null;
        }

        var upToDate = deployment?.Status?.ObservedGeneration >= deployment?.Metadata.Generation;
        var rolledOut = deployment is not null && upToDate && status.UpdatedReplicas == desired && status.Replicas == desired;
        var engineReady = EngineReady(cluster, caches, out var engineReason);
        Conditions.Set(conditions, ConditionTypes.EngineReady, engineReady, engineReason, "", generation, now);
        Conditions.Set(conditions, ConditionTypes.Available, status.ReadyReplicas > 0 || desired == 0,
            status.ReadyReplicas > 0 ? "MinimumReplicasAvailable" : "NoReadyReplicas", "", generation, now);
        Conditions.Set(conditions, ConditionTypes.Progressing, !rolledOut, rolledOut ? "RolloutComplete" : "RollingOut",
            rolledOut ? "" : $"{status.UpdatedReplicas} of {desired} pods updated, {status.ReadyReplicas} ready", generation, now);
        var ready = rolledOut && status.ReadyReplicas == desired && engineReady && status.Drain is null;
        Conditions.Set(conditions, ConditionTypes.Ready, ready, ready ? "AllReplicasReady" : status.Drain is not null ? "Draining" : !engineReady ? "EngineNotReady" : "RollingOut",
            ready ? "" : $"{status.ReadyReplicas} of {desired} replicas ready", generation, now);
    }

    private static bool EngineReady(V1Alpha1RealtimeCluster cluster, ClusterCaches caches, out string reason)
    {
        var redis = cluster.Spec.Engine.Redis;
        if (cluster.Spec.Engine.Type != EngineType.Redis || redis is null)
        {
            reason = "MemoryEngine";
            return true;
        }

        if (redis.Mode == RedisMode.External)
        {
            reason = "ExternalRedis";
            return true;
        }

        var names = new ClusterNames(cluster.Metadata.Name);
        var ns = cluster.Metadata.NamespaceProperty;
        var data = caches.StatefulSets.Get(ns, names.Redis)?.Status?.ReadyReplicas ?? 0;
        var sentinel = (redis.Managed ?? new ManagedRedisSpec()).Topology == RedisTopology.Sentinel;
        var sentinels = sentinel ? caches.StatefulSets.Get(ns, names.Sentinel)?.Status?.ReadyReplicas ?? 0 : 0;
        var quorum = sentinel ? ((redis.Managed?.SentinelReplicas ?? 3) / 2) + 1 : 0;
        var ok = data > 0 && sentinels >= quorum;
        reason = ok ? (sentinel ? "SentinelQuorum" : "RedisReady") : "RedisNotReady";
        return ok;
    }

    private static SecretsStatus SecretReferences(V1Alpha1RealtimeCluster cluster)
    {
        var layout = AuthLayout.Of(cluster);
        SecretKeyReference? Find(string env) => layout.FirstOrDefault(v => v.EnvironmentVariable == env) is { } v ? new SecretKeyReference { Name = v.SecretName, Key = v.Key } : null;
        return new SecretsStatus
        {
            TokenHmacSecret = Find("CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY"),
            ApiKey = Find("CENTRIFUGO_HTTP_API_KEY"),
            AdminPassword = Find("CENTRIFUGO_ADMIN_PASSWORD"),
        };
    }

    /// <summary>Writes status through the /status subresource with a merge patch, only when it changed.</summary>
    private async Task WriteStatusAsync(V1Alpha1RealtimeCluster cluster, RealtimeClusterStatus status, CancellationToken cancellationToken)
    {
        var before = JsonNode.Parse(KubernetesJson.Serialize(cluster.Status ?? new RealtimeClusterStatus()))!.AsObject();
        var after = JsonNode.Parse(KubernetesJson.Serialize(status))!.AsObject();
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        foreach (var (key, _) in before)
        {
            if (!after.ContainsKey(key))
            {
                after[key] = null;
            }
        }

        var patch = new V1Patch(new JsonObject { ["status"] = after }.ToJsonString(), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync(patch, V1Alpha1RealtimeCluster.Group, V1Alpha1RealtimeCluster.Version,
            cluster.Metadata.NamespaceProperty, V1Alpha1RealtimeCluster.Plural, cluster.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        metrics.Wrote(cluster.Kind, "status");
    }
}
