using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>The kinds the fake API server serves: the built-ins the operator uses and the CRDs under crds/.</summary>
public static class FakeKinds
{
    private static readonly List<FakeKind> Kinds =
    [
        new("", "v1", "pods", "Pod") { HasStatusSubresource = true },
        new("", "v1", "services", "Service") { HasStatusSubresource = true },
        new("", "v1", "configmaps", "ConfigMap"),
        new("", "v1", "secrets", "Secret"),
        new("", "v1", "events", "Event"),
        new("", "v1", "namespaces", "Namespace", Namespaced: false),
        new("apps", "v1", "deployments", "Deployment") { HasStatusSubresource = true },
        new("apps", "v1", "statefulsets", "StatefulSet") { HasStatusSubresource = true },
        new("apps", "v1", "replicasets", "ReplicaSet") { HasStatusSubresource = true },
        new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget") { HasStatusSubresource = true },
        new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler") { HasStatusSubresource = true },
        new("coordination.k8s.io", "v1", "leases", "Lease"),
        new("events.k8s.io", "v1", "events", "Event"),
        .. LoadCrds(),
    ];

    /// <summary>Built-in Pod.</summary>
    public static FakeKind Pod => Find("", "pods")!;

    /// <summary>Built-in Deployment.</summary>
    public static FakeKind Deployment => Find("apps", "deployments")!;

    /// <summary>Built-in StatefulSet.</summary>
    public static FakeKind StatefulSet => Find("apps", "statefulsets")!;

    /// <summary>The RealtimeCluster CRD.</summary>
    public static FakeKind RealtimeCluster => Find("k8srelay.io", "realtimeclusters")!;

    /// <summary>A kind by group and plural, or null.</summary>
    public static FakeKind? Find(string group, string plural) => Kinds.FirstOrDefault(k => k.Group == group && k.Plural == plural);

    /// <summary>A kind by store key.</summary>
    public static FakeKind ByKey(string key) => Kinds.First(k => k.Key == key);

    /// <summary>A kind by apiVersion and kind name.</summary>
    public static FakeKind ByKind(string apiVersion, string kind) => Kinds.First(k => k.ApiVersion == apiVersion && k.Kind == kind);

    private static IEnumerable<FakeKind> LoadCrds()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Crds, "*.yaml"))
        {
            var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(file));
            foreach (var version in crd.Spec.Versions.Where(v => v.Served))
            {
                var scale = version.Subresources?.Scale;
                yield return new FakeKind(crd.Spec.Group, version.Name, crd.Spec.Names.Plural, crd.Spec.Names.Kind, crd.Spec.Scope == "Namespaced")
                {
                    Schema = JsonNode.Parse(KubernetesJson.Serialize(version.Schema.OpenAPIV3Schema))!.AsObject(),
                    HasStatusSubresource = version.Subresources?.Status is not null,
                    Scale = scale is null ? null : (scale.SpecReplicasPath, scale.StatusReplicasPath, scale.LabelSelectorPath),
                };
            }
        }
    }
}
