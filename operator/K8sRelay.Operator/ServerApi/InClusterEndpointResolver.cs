using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerConfig;

namespace K8sRelay.Operator.ServerApi;

/// <summary>Resolves server addresses by cluster DNS and pod IPs; works when the operator runs inside the cluster.</summary>
public sealed class InClusterEndpointResolver : IServerEndpointResolver
{
    /// <inheritdoc />
    public Uri ForCluster(V1Alpha1RealtimeCluster cluster) =>
        new($"http://{new ClusterNames(cluster.Metadata.Name).InternalService}.{cluster.Metadata.NamespaceProperty}.svc:{cluster.Spec.Service.InternalPort}/");

    /// <inheritdoc />
    public Uri? ForPod(V1Alpha1RealtimeCluster cluster, V1Pod pod) =>
        pod.Status?.PodIP is { Length: > 0 } ip ? new Uri($"http://{ip}:{ServerPorts.Internal}/") : null;
}
