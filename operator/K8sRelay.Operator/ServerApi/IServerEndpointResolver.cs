using k8s.Models;
using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.ServerApi;

/// <summary>Where the operator reaches a cluster's server API: through the internal Service, or one pod directly.</summary>
public interface IServerEndpointResolver
{
    /// <summary>Base address of the internal Service (any node answers the info call for all nodes).</summary>
    Uri ForCluster(V1Alpha1RealtimeCluster cluster);

    /// <summary>Base address of one pod's internal port (for its drain call), or null when the pod has no IP yet.</summary>
    Uri? ForPod(V1Alpha1RealtimeCluster cluster, V1Pod pod);
}
