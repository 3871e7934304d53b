using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.ServerConfig;

/// <summary>The Redis addresses the servers of a cluster use, for a managed or an external Redis.</summary>
/// <param name="Addresses">Plain Redis addresses (one, or several for sharding).</param>
/// <param name="SentinelAddresses">Sentinel addresses.</param>
/// <param name="ClusterAddresses">Redis Cluster seed addresses.</param>
/// <param name="MasterName">Sentinel master name.</param>
public sealed record RedisEndpoints(IReadOnlyList<string> Addresses, IReadOnlyList<string> SentinelAddresses, IReadOnlyList<string> ClusterAddresses, string? MasterName)
{
    /// <summary>Port of managed Redis.</summary>
    public const int RedisPort = 6379;

    /// <summary>Port of managed Sentinel.</summary>
    public const int SentinelPort = 26379;

    /// <summary>The endpoints of a cluster's Redis engine; empty lists for the Memory engine.</summary>
    public static RedisEndpoints Of(V1Alpha1RealtimeCluster cluster)
    {
        var redis = cluster.Spec.Engine.Redis;
        if (cluster.Spec.Engine.Type != EngineType.Redis || redis is null)
        {
            return new RedisEndpoints([], [], [], null);
        }

        if (redis.Mode == RedisMode.External)
        {
            var external = redis.External ?? new ExternalRedisSpec();
            return new RedisEndpoints(external.Addresses ?? [], external.Sentinel?.Addresses ?? [], external.Cluster?.Addresses ?? [], external.Sentinel?.MasterName);
        }

        var names = new ClusterNames(cluster.Metadata.Name);
        var ns = cluster.Metadata.NamespaceProperty;
        return (redis.Managed ?? new ManagedRedisSpec()).Topology == RedisTopology.Sentinel
            ? new RedisEndpoints([], [$"{names.Sentinel}.{ns}.svc:{SentinelPort}"], [], names.SentinelMaster)
            : new RedisEndpoints([$"{names.Redis}.{ns}.svc:{RedisPort}"], [], [], null);
    }

    /// <summary>All addresses in one list, for status.</summary>
    public IReadOnlyList<string> All => [.. Addresses, .. SentinelAddresses, .. ClusterAddresses];
}
