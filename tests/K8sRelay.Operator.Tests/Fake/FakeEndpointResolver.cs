using k8s.Models;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerApi;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>Points the operator's server API calls at the fake servers of a <see cref="FakeApiServer"/>.</summary>
public sealed class FakeEndpointResolver(Uri baseAddress) : IServerEndpointResolver
{
    /// <inheritdoc />
    public Uri ForCluster(V1Alpha1RealtimeCluster cluster) => new(baseAddress, $"relay/{cluster.Metadata.NamespaceProperty}/cluster.{cluster.Metadata.Name}/");

    /// <inheritdoc />
    public Uri? ForPod(V1Alpha1RealtimeCluster cluster, V1Pod pod) => new(baseAddress, $"relay/{pod.Metadata.NamespaceProperty}/pod.{pod.Metadata.Name}/");
}
