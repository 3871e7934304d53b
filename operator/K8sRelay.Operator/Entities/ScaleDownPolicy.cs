using System.Text.Json.Serialization;

namespace K8sRelay.Operator.Entities;

/// <summary>How pods are removed when replicas go down.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScaleDownPolicy>))]
public enum ScaleDownPolicy
{
    /// <summary>Pods with the fewest connections are drained through the server API first and get the lowest deletion cost.</summary>
    ConnectionAware,

    /// <summary>Leave the choice to the Deployment controller.</summary>
    Default,
}
