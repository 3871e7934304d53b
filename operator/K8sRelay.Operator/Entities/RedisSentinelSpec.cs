using System.ComponentModel.DataAnnotations;

namespace K8sRelay.Operator.Entities;

/// <summary>Addresses of Redis Sentinel and the name of the monitored master.</summary>
public sealed class RedisSentinelSpec
{
    /// <summary>Sentinel addresses as host:port.</summary>
    [MinLength(1)]
    public List<string> Addresses { get; set; } = [];

    /// <summary>Name of the master the sentinels monitor.</summary>
    [MinLength(1)]
    public string MasterName { get; set; } = "mymaster";
}
