namespace K8sRelay.Operator.Crds;

/// <summary>Short names and categories of a custom resource, as used by <c>kubectl</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourceNamesAttribute : Attribute
{
    /// <summary>Short names, for example <c>rtc</c>.</summary>
    public string[] ShortNames { get; init; } = [];

    /// <summary>Categories, so <c>kubectl get realtime</c> lists every kind in the category.</summary>
    public string[] Categories { get; init; } = [];
}
