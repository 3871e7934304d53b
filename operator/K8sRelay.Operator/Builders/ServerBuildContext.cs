using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Builders;

/// <summary>Everything the server builders need beyond the RealtimeCluster itself.</summary>
/// <param name="Cluster">The RealtimeCluster.</param>
/// <param name="ConfigHash">Hash of the rendered config and referenced secret values.</param>
/// <param name="DeploymentReplicas">Replicas to set on the Deployment (held higher while pods drain).</param>
/// <param name="DefaultImageRepository">Image repository when spec.image is empty.</param>
/// <param name="DefaultVersion">Version when spec.image and spec.version are empty.</param>
public sealed record ServerBuildContext(V1Alpha1RealtimeCluster Cluster, string ConfigHash, int DeploymentReplicas, string DefaultImageRepository, string DefaultVersion)
{
    /// <summary>Names of the cluster's objects.</summary>
    public ClusterNames Names { get; } = new(Cluster.Metadata.Name);

    /// <summary>The server version label value.</summary>
    public string Version => Cluster.Spec.Version ?? (Cluster.Spec.Image is { } image && image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : DefaultVersion);

    /// <summary>The server image reference.</summary>
    public string Image => Cluster.Spec.Image ?? $"{DefaultImageRepository}:{Cluster.Spec.Version ?? DefaultVersion}";
}
