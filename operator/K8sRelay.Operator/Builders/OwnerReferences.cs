using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>Owner references that tie children to their RealtimeCluster, so deleting it garbage-collects them.</summary>
public static class OwnerReferences
{
    /// <summary>The controller owner reference to <paramref name="cluster"/>.</summary>
    public static V1OwnerReference ControlledBy(V1Alpha1RealtimeCluster cluster) => new()
    {
        ApiVersion = cluster.ApiVersion,
        Kind = cluster.Kind,
        Name = cluster.Metadata.Name,
        Uid = cluster.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Object metadata of a child: name, namespace, labels and the owner reference.</summary>
    public static V1ObjectMeta ChildMetadata(V1Alpha1RealtimeCluster cluster, string name, string component, IDictionary<string, string>? annotations = null) => new()
    {
        Name = name,
        NamespaceProperty = cluster.Metadata.NamespaceProperty,
        Labels = Labels.Common(cluster.Metadata.Name, component),
        Annotations = annotations is { Count: > 0 } ? new Dictionary<string, string>(annotations) : null,
        OwnerReferences = [ControlledBy(cluster)],
    };
}
