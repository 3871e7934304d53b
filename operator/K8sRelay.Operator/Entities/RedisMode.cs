using System.Text.Json.Serialization;

namespace K8sRelay.Operator.Entities;

/// <summary>Who runs the Redis used by the engine.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RedisMode>))]
public enum RedisMode
{
    /// <summary>The operator runs Redis in the cluster's namespace.</summary>
    Managed,

    /// <summary>An existing Redis given by address, Sentinel or Cluster.</summary>
    External,
}
