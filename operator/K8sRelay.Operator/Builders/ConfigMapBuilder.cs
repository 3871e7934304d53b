using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>Builds the ConfigMap &lt;name&gt;-config that holds the rendered config.json.</summary>
public static class ConfigMapBuilder
{
    /// <summary>Key of the config file in the ConfigMap.</summary>
    public const string ConfigKey = "config.json";

    /// <summary>Builds the ConfigMap.</summary>
    public static V1ConfigMap Build(V1Alpha1RealtimeCluster cluster, string configJson) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = OwnerReferences.ChildMetadata(cluster, new ClusterNames(cluster.Metadata.Name).ConfigMap, Labels.ServerComponent),
        Data = new Dictionary<string, string> { [ConfigKey] = configJson },
    };
}
