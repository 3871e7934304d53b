using k8s;
using k8s.Models;

namespace K8sRelay.Operator.Entities;

/// <summary>A list of <see cref="V1Alpha1RealtimeCluster"/> objects as returned by the API server.</summary>
public sealed class V1Alpha1RealtimeClusterList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1RealtimeCluster>
{
    /// <summary>APIVersion of the list.</summary>
    public string ApiVersion { get; set; } = V1Alpha1RealtimeCluster.Group + "/" + V1Alpha1RealtimeCluster.Version;

    /// <summary>Kind of the list.</summary>
    public string Kind { get; set; } = V1Alpha1RealtimeCluster.EntityKind + "List";

    /// <summary>List metadata, including the resourceVersion to watch from.</summary>
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The items.</summary>
    public IList<V1Alpha1RealtimeCluster> Items { get; set; } = [];
}
