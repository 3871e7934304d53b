using System.ComponentModel.DataAnnotations;
using K8sRelay.Operator.Crds;

namespace K8sRelay.Operator.Entities;

/// <summary>An existing Redis. Exactly one of addresses, sentinel or cluster is set.</summary>
[CelRule("(has(self.addresses) ? 1 : 0) + (has(self.sentinel) ? 1 : 0) + (has(self.cluster) ? 1 : 0) == 1", "set exactly one of addresses, sentinel or cluster")]
public sealed class ExternalRedisSpec
{
    /// <summary>Redis addresses as host:port. Several entries shard channels over several Redis servers.</summary>
    public List<string>? Addresses { get; set; }

    /// <summary>Sentinel addresses and master name.</summary>
    public RedisSentinelSpec? Sentinel { get; set; }

    /// <summary>Redis Cluster seed addresses.</summary>
    public RedisClusterSpec? Cluster { get; set; }

    /// <summary>Redis database number (not used with Redis Cluster).</summary>
    [Range(0, 15)]
    public int Db { get; set; }

    /// <summary>Connect with TLS.</summary>
    public bool Tls { get; set; }

    /// <summary>Secret with the Redis username and password. Empty means no authentication.</summary>
    public RedisCredentialsSpec? CredentialsSecretRef { get; set; }
}
