namespace K8sRelay.Operator.Builders;

/// <summary>Lookups in the IDictionary maps of Kubernetes models.</summary>
public static class Maps
{
    /// <summary>The value of <paramref name="key"/>, or default when the map or key is missing.</summary>
    public static T? ValueOrDefault<T>(this IDictionary<string, T>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : default;
}
