using k8s;
using k8s.Models;
using K8sRelay.Operator.Builders;
using K8sRelay.Operator.Diagnostics;
using K8sRelay.Operator.Entities;
using K8sRelay.Operator.Runtime;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// The informers of one leadership term: RealtimeClusters and every kind the operator owns (selected by the
/// managed-by label). Changes of a child are mapped to the RealtimeCluster named by its k8s.io/cluster label.
/// </summary>
public sealed class ClusterCaches
{
    /// <summary>Creates the informers; <paramref name="enqueue"/> receives the key of the affected RealtimeCluster.</summary>
    public ClusterCaches(IKubernetes client, string? watchNamespace, Action<ObjectKey> enqueue, InformerOptions options, OperatorMetrics metrics, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<ClusterCaches>();
        Informer<T, TList> Child<T, TList>(ResourceKind kind)
            where T : class, IKubernetesObject<V1ObjectMeta>
            where TList : class, IKubernetesObject<V1ListMeta>, IItems<T> =>
            new(client, kind, watchNamespace, Labels.ManagedSelector, (_, obj, _) => EnqueueOwner(obj, enqueue), options, metrics, time, logger);

        Clusters = new Informer<V1Alpha1RealtimeCluster, V1Alpha1RealtimeClusterList>(client, ResourceKind.RealtimeCluster, watchNamespace, null,
            (type, cluster, previous) =>
            {
                if (NeedsReconcile(type, cluster, previous))
                {
                    enqueue(ObjectKey.Of(cluster));
                }
            }, options, metrics, time, logger);
        Deployments = Child<V1Deployment, V1DeploymentList>(ResourceKind.Deployment);
        StatefulSets = Child<V1StatefulSet, V1StatefulSetList>(ResourceKind.StatefulSet);
        Services = Child<V1Service, V1ServiceList>(ResourceKind.Service);
        ConfigMaps = Child<V1ConfigMap, V1ConfigMapList>(ResourceKind.ConfigMap);
        Secrets = Child<V1Secret, V1SecretList>(ResourceKind.Secret);
        DisruptionBudgets = Child<V1PodDisruptionBudget, V1PodDisruptionBudgetList>(ResourceKind.PodDisruptionBudget);
        Autoscalers = Child<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList>(ResourceKind.HorizontalPodAutoscaler);
        Pods = Child<V1Pod, V1PodList>(ResourceKind.Pod);
    }

    /// <summary>RealtimeClusters.</summary>
    public Informer<V1Alpha1RealtimeCluster, V1Alpha1RealtimeClusterList> Clusters { get; }

    /// <summary>Server Deployments.</summary>
    public Informer<V1Deployment, V1DeploymentList> Deployments { get; }

    /// <summary>Managed Redis and Sentinel StatefulSets.</summary>
    public Informer<V1StatefulSet, V1StatefulSetList> StatefulSets { get; }

    /// <summary>Services.</summary>
    public Informer<V1Service, V1ServiceList> Services { get; }

    /// <summary>ConfigMaps.</summary>
    public Informer<V1ConfigMap, V1ConfigMapList> ConfigMaps { get; }

    /// <summary>Generated Secrets.</summary>
    public Informer<V1Secret, V1SecretList> Secrets { get; }

    /// <summary>PodDisruptionBudgets.</summary>
    public Informer<V1PodDisruptionBudget, V1PodDisruptionBudgetList> DisruptionBudgets { get; }

    /// <summary>HorizontalPodAutoscalers.</summary>
    public Informer<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList> Autoscalers { get; }

    /// <summary>Server, Redis and Sentinel pods.</summary>
    public Informer<V1Pod, V1PodList> Pods { get; }

    /// <summary>Every informer.</summary>
    public IReadOnlyList<IInformer> All => [Clusters, Deployments, StatefulSets, Services, ConfigMaps, Secrets, DisruptionBudgets, Autoscalers, Pods];

    /// <summary>True when every informer has listed once.</summary>
    public bool HasSynced => All.All(i => i.HasSynced);

    /// <summary>The cached child of a kind, or null.</summary>
    public IKubernetesObject<V1ObjectMeta>? Child(ResourceKind kind, string ns, string name) => kind.Kind switch
    {
        "Deployment" => Deployments.Get(ns, name),
        "StatefulSet" => StatefulSets.Get(ns, name),
        "Service" => Services.Get(ns, name),
        "ConfigMap" => ConfigMaps.Get(ns, name),
        "Secret" => Secrets.Get(ns, name),
        "PodDisruptionBudget" => DisruptionBudgets.Get(ns, name),
        "HorizontalPodAutoscaler" => Autoscalers.Get(ns, name),
        _ => null,
    };

    /// <summary>Cached children of a cluster by kind (owned objects only, pods excluded).</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> OwnedBy(V1Alpha1RealtimeCluster cluster)
    {
        var ns = cluster.Metadata.NamespaceProperty;
        bool Owned(IKubernetesObject<V1ObjectMeta> o) => o.Metadata.OwnerReferences?.Any(r => r.Uid == cluster.Metadata.Uid && r.Controller == true) == true;
        return Deployments.List(ns, Owned).Cast<IKubernetesObject<V1ObjectMeta>>()
            .Concat(StatefulSets.List(ns, Owned)).Concat(Services.List(ns, Owned)).Concat(ConfigMaps.List(ns, Owned))
            .Concat(Secrets.List(ns, Owned)).Concat(DisruptionBudgets.List(ns, Owned)).Concat(Autoscalers.List(ns, Owned));
    }

    private static void EnqueueOwner(IKubernetesObject<V1ObjectMeta> obj, Action<ObjectKey> enqueue)
    {
        if (obj.Metadata.Labels?.TryGetValue(Labels.Cluster, out var cluster) == true && obj.Metadata.NamespaceProperty is { } ns)
        {
            enqueue(new ObjectKey(ns, cluster));
        }
    }

    /// <summary>Status-only changes (the operator's own writes) do not need a reconcile; spec, labels, annotations and deletion do.</summary>
    private static bool NeedsReconcile(WatchEventType type, V1Alpha1RealtimeCluster cluster, V1Alpha1RealtimeCluster? previous) =>
        type != WatchEventType.Modified || previous is null
        || previous.Metadata.Generation != cluster.Metadata.Generation
        || previous.Metadata.DeletionTimestamp != cluster.Metadata.DeletionTimestamp
        || !SameMap(previous.Metadata.Annotations, cluster.Metadata.Annotations)
        || !SameMap(previous.Metadata.Labels, cluster.Metadata.Labels);

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));
}
