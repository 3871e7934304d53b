using System.Text.Json.Serialization;

namespace K8sRelay.Operator.Entities;

/// <summary>Which engine connects the server pods.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EngineType>))]
public enum EngineType
{
    /// <summary>In-process engine; only one replica can run.</summary>
    Memory,

    /// <summary>Redis engine (operator-managed or external); any number of replicas.</summary>
    Redis,
}
