namespace K8sRelay.Operator.Builders;

/// <summary>Labels and annotations the operator puts on what it creates.</summary>
public static class Labels
{
    /// <summary>app.kubernetes.io/name; always "k8srelay".</summary>
    public const string Name = "app.kubernetes.io/name";

    /// <summary>app.kubernetes.io/instance; the RealtimeCluster name.</summary>
    public const string Instance = "app.kubernetes.io/instance";

    /// <summary>app.kubernetes.io/component: server, redis or sentinel.</summary>
    public const string Component = "app.kubernetes.io/component";

    /// <summary>app.kubernetes.io/managed-by; always "k8srelay-operator".</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>app.kubernetes.io/part-of; always "k8srelay".</summary>
    public const string PartOf = "app.kubernetes.io/part-of";

    /// <summary>app.kubernetes.io/version of the server.</summary>
    public const string Version = "app.kubernetes.io/version";

    /// <summary>k8srelay.io/cluster; the RealtimeCluster name, on every object and pod.</summary>
    public const string Cluster = "k8srelay.io/cluster";

    /// <summary>Value of app.kubernetes.io/managed-by, also the selector of the operator's watches.</summary>
    public const string OperatorName = "k8srelay-operator";

    /// <summary>Label selector of every object the operator manages.</summary>
    public const string ManagedSelector = ManagedBy + "=" + OperatorName;

    /// <summary>Pod template annotation with the hash of config and secrets; a change rolls the pods.</summary>
    public const string ConfigHashAnnotation = "k8srelay.io/config-hash";

    /// <summary>Annotation that stops reconciliation of a RealtimeCluster while "true".</summary>
    public const string PauseAnnotation = "k8srelay.io/pause-reconciliation";

    /// <summary>Pod annotation the ReplicaSet controller reads to pick pods to remove first (lowest first).</summary>
    public const string PodDeletionCost = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>Pod annotation set when the operator asked the pod's server to drain.</summary>
    public const string DrainingAnnotation = "k8srelay.io/draining";

    /// <summary>The server component name.</summary>
    public const string ServerComponent = "server";

    /// <summary>Labels every object of a cluster carries.</summary>
    public static Dictionary<string, string> Common(string cluster, string component, string? version = null)
    {
        var labels = new Dictionary<string, string>
        {
            [Name] = "k8srelay",
            [Instance] = cluster,
            [Component] = component,
            [ManagedBy] = OperatorName,
            [PartOf] = "k8srelay",
            [Cluster] = cluster,
        };
        if (!string.IsNullOrEmpty(version))
        {
            labels[Version] = version;
        }

        return labels;
    }

    /// <summary>The immutable selector of a component's pods.</summary>
    public static Dictionary<string, string> Selector(string cluster, string component) => new()
    {
        [Name] = "k8srelay",
        [Instance] = cluster,
        [Component] = component,
    };

    /// <summary>The selector in string form, as status.selector and the scale subresource report it.</summary>
    public static string SelectorString(string cluster, string component) =>
        string.Join(",", Selector(cluster, component).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
}
