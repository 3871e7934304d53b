using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>Seed addresses of a Redis Cluster.</summary>
public sealed class RedisClusterSpec
{
    /// <summary>Seed node addresses as host:port.</summary>
    [MinLength(1)]
    public List<string> Addresses { get; set; } = [];
}
