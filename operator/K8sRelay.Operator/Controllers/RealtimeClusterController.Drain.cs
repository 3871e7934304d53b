using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.Runtime;

namespace K8sRelay.Operator.Controllers;

public sealed partial class RealtimeClusterController
{
    /// <summary>Offset that puts drained pods below every other pod's deletion cost (0 by default).</summary>
    private const long DrainCostOffset = 1_000_000_000;

    private async Task StartDrainsAsync(V1Alpha1RealtimeCluster cluster, List<V1Pod> pods, DrainPlan plan,
        IReadOnlyDictionary<string, long> clients, string? apiKey, CancellationToken cancellationToken)
    {
        if (plan.Finished)
        {
            metrics.Drained("drained");
            Log.DrainFinished(logger, cluster.Metadata.Name, plan.DeploymentReplicas);
        }

        if (plan.StartOn.Count == 0)
        {
            return;
        }

        Log.DrainStarted(logger, cluster.Metadata.Name, string.Join(", ", plan.StartOn), plan.Drain!.TargetReplicas);
        foreach (var name in plan.StartOn)
        {
            var pod = pods.First(p => p.Metadata.Name == name);

            // The fewest connections get the lowest cost, so the ReplicaSet removes exactly these pods first.
            var cost = Math.Max(int.MinValue, clients.GetValueOrDefault(name) - DrainCostOffset);
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["annotations"] = new JsonObject
                    {
                        [Labels.PodDeletionCost] = cost.ToString(CultureInfo.InvariantCulture),
                        [Labels.DrainingAnnotation] = "true",
                    },
                },
            };
            await writer.PatchAsync(ResourceKind.Pod, pod.Metadata.NamespaceProperty, name, patch, cancellationToken).ConfigureAwait(false);

            if (apiKey is null || endpoints.ForPod(cluster, pod) is not { } address)
            {
                metrics.Drained("failed");
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.ServerApiTimeout);
            try
            {
                await server.DrainAsync(address, apiKey, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The pod is still removed after the drain timeout; the server then closes clients on shutdown.
                metrics.Drained("failed");
                Log.DrainCallFailed(logger, name, e);
            }
        }
    }
}
