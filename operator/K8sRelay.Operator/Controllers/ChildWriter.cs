using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Runtime;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// Writes children to the API: creates a missing object, sends a JSON merge patch when the live object lacks a
/// desired value, and writes nothing when the live object already holds the desired state.
/// </summary>
public sealed partial class ChildWriter(IKubernetes client, OperatorMetrics metrics, ILogger<ChildWriter> logger)
{
    /// <summary>Makes the live object hold <paramref name="desired"/>; returns true when it wrote.</summary>
    public async Task<bool> ApplyAsync(IKubernetesObject<V1ObjectMeta> desired, IKubernetesObject<V1ObjectMeta>? live, CancellationToken cancellationToken)
    {
        var kind = KindOf(desired);
        var ns = desired.Metadata.NamespaceProperty;
        var desiredJson = JsonNode.Parse(KubernetesJson.Serialize(desired))!.AsObject();
        if (live is null)
        {
            await client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync(desired, kind.Group, kind.Version, ns, kind.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
            Wrote(kind, "create", desired.Metadata.Name);
            return true;
        }

        var liveJson = JsonNode.Parse(KubernetesJson.Serialize(live));
        if (JsonSubset.IsContainedIn(desiredJson, liveJson))
        {
            return false;
        }

        desiredJson.Remove("status");
        var patch = new V1Patch(desiredJson.ToJsonString(), V1Patch.PatchType.MergePatch);
        await client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(patch, kind.Group, kind.Version, ns, kind.Plural, desired.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        Wrote(kind, "patch", desired.Metadata.Name);
        return true;
    }

    /// <summary>Sends a merge patch to an object, for example annotations on a pod.</summary>
    public async Task PatchAsync(ResourceKind kind, string ns, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        await client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
            kind.Group, kind.Version, ns, kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        Wrote(kind, "patch", name);
    }

    /// <summary>Deletes an object that is no longer desired; a missing object is fine.</summary>
    public async Task DeleteAsync(ResourceKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(kind.Group, kind.Version, ns, kind.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            Wrote(kind, "delete", name);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
        }
    }

    /// <summary>The resource kind of a built object, from its apiVersion and kind.</summary>
    public static ResourceKind KindOf(IKubernetesObject<V1ObjectMeta> obj) => obj.Kind switch
    {
        "Deployment" => ResourceKind.Deployment,
        "StatefulSet" => ResourceKind.StatefulSet,
        "Service" => ResourceKind.Service,
        "ConfigMap" => ResourceKind.ConfigMap,
        "Secret" => ResourceKind.Secret,
        "PodDisruptionBudget" => ResourceKind.PodDisruptionBudget,
        "HorizontalPodAutoscaler" => ResourceKind.HorizontalPodAutoscaler,
        "Pod" => ResourceKind.Pod,
        _ => throw new ArgumentException($"The operator does not write {obj.Kind} objects.", nameof(obj)),
    };

    private void Wrote(ResourceKind kind, string verb, string name)
    {
        metrics.Wrote(kind.Kind, verb);
        Log.Wrote(logger, verb, kind.Kind, name);
    }
}
