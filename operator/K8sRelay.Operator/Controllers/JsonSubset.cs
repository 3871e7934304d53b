using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Controllers;

/// <summary>
/// Decides whether a live object already holds everything the operator wants: every value of the desired JSON is
/// present and equal in the live JSON. Fields the API server or other controllers add are ignored, so server-side
/// defaulting never causes a write; lists must have the same length and match item by item.
/// </summary>
public static class JsonSubset
{
    /// <summary>True when <paramref name="desired"/> is contained in <paramref name="live"/>.</summary>
    public static bool IsContainedIn(JsonNode? desired, JsonNode? live) => (desired, live) switch
    {
        (null, _) => true,
        (JsonObject d, JsonObject l) => d.All(p => IsContainedIn(p.Value, l.TryGetPropertyValue(p.Key, out var v) ? v : null)),
        (JsonArray d, JsonArray l) => d.Count == l.Count && d.Select((item, i) => IsContainedIn(item, l[i])).All(x => x),
        (JsonValue d, JsonValue l) => JsonNode.DeepEquals(d, l) || string.Equals(d.ToString(), l.ToString(), StringComparison.Ordinal),
        _ => false,
    };
}
