using System.Text.Json.Serialization;

namespace K8sRelay.Operator.Entities;

/// <summary>Topology of an operator-managed Redis.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RedisTopology>))]
public enum RedisTopology
{
    /// <summary>One Redis pod (StatefulSet with one replica).</summary>
    Standalone,

    /// <summary>Redis primary with replicas watched by Redis Sentinel.</summary>
    Sentinel,
}
