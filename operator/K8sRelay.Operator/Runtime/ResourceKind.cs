using K8sRelay.Operator.Entities;

namespace K8sRelay.Operator.Runtime;

/// <summary>Where a kind lives in the API: group (empty for core), version and plural resource name.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version.</param>
/// <param name="Plural">Plural resource name used in URLs.</param>
/// <param name="Kind">Kind name.</param>
public sealed record ResourceKind(string Group, string Version, string Plural, string Kind)
{
    /// <summary>The RealtimeCluster custom resource.</summary>
    public static readonly ResourceKind RealtimeCluster = new(V1Alpha1RealtimeCluster.Group, V1Alpha1RealtimeCluster.Version, V1Alpha1RealtimeCluster.Plural, V1Alpha1RealtimeCluster.EntityKind);

    /// <summary>apps/v1 Deployment.</summary>
    public static readonly ResourceKind Deployment = new("apps", "v1", "deployments", "Deployment");

    /// <summary>apps/v1 StatefulSet.</summary>
    public static readonly ResourceKind StatefulSet = new("apps", "v1", "statefulsets", "StatefulSet");

    /// <summary>core/v1 Service.</summary>
    public static readonly ResourceKind Service = new("", "v1", "services", "Service");

    /// <summary>core/v1 ConfigMap.</summary>
    public static readonly ResourceKind ConfigMap = new("", "v1", "configmaps", "ConfigMap");

    /// <summary>core/v1 Secret.</summary>
    public static readonly ResourceKind Secret = new("", "v1", "secrets", "Secret");

    /// <summary>core/v1 Pod.</summary>
    public static readonly ResourceKind Pod = new("", "v1", "pods", "Pod");

    /// <summary>policy/v1 PodDisruptionBudget.</summary>
    public static readonly ResourceKind PodDisruptionBudget = new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget");

    /// <summary>autoscaling/v2 HorizontalPodAutoscaler.</summary>
    public static readonly ResourceKind HorizontalPodAutoscaler = new("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler");

    /// <summary>The apiVersion string: "v1" for core, "group/version" otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}
