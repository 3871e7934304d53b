using k8s.Models;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.ServerConfig;

namespace K8sRelay.Operator.Builders;

/// <summary>Builds the client Service and the internal API Service of the server pods.</summary>
public static class ServerServiceBuilder
{
    /// <summary>The client Service &lt;name&gt;: WebSocket, SSE and HTTP streaming.</summary>
    public static V1Service Client(V1Alpha1RealtimeCluster cluster)
    {
        var spec = cluster.Spec.Service;
        var names = new ClusterNames(cluster.Metadata.Name);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = OwnerReferences.ChildMetadata(cluster, names.ClientService, Labels.ServerComponent, spec.Annotations),
            Spec = new V1ServiceSpec
            {
                Type = spec.Type,
                Selector = Labels.Selector(cluster.Metadata.Name, Labels.ServerComponent),
                Ports = [new V1ServicePort { Name = "http", Port = spec.Port, TargetPort = (IntOrString)"http", Protocol = "TCP", AppProtocol = "http" }],
            },
        };
    }

    /// <summary>The internal Service &lt;name&gt;-internal: server API, health, readiness and metrics.</summary>
    public static V1Service Internal(V1Alpha1RealtimeCluster cluster)
    {
        var names = new ClusterNames(cluster.Metadata.Name);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = OwnerReferences.ChildMetadata(cluster, names.InternalService, Labels.ServerComponent),
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = Labels.Selector(cluster.Metadata.Name, Labels.ServerComponent),
                Ports = [new V1ServicePort { Name = "internal", Port = cluster.Spec.Service.InternalPort, TargetPort = (IntOrString)"internal", Protocol = "TCP", AppProtocol = "http" }],
            },
        };
    }

    /// <summary>The in-cluster base URL of the server API.</summary>
    public static string ServerApiUrl(V1Alpha1RealtimeCluster cluster) =>
        $"http://{new ClusterNames(cluster.Metadata.Name).InternalService}.{cluster.Metadata.NamespaceProperty}.svc:{cluster.Spec.Service.InternalPort}/api";

    /// <summary>The in-cluster WebSocket URL for clients.</summary>
    public static string ClientUrl(V1Alpha1RealtimeCluster cluster) =>
        $"ws://{new ClusterNames(cluster.Metadata.Name).ClientService}.{cluster.Metadata.NamespaceProperty}.svc:{cluster.Spec.Service.Port}/connection/websocket";

    /// <summary>Port the internal Service maps to.</summary>
    public static int InternalTargetPort => ServerPorts.Internal;
}
