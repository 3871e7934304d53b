using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Builders;

/// <summary>Deep merges of JSON trees, used for the raw config escape hatch and pod template overrides.</summary>
public static class JsonMerge
{
    /// <summary>
    /// Merges <paramref name="overlay"/> into <paramref name="target"/>: objects merge key by key, a null value
    /// removes the key, arrays whose items all have a "name" merge item by item on that name, and any other value
    /// replaces the target's.
    /// </summary>
    public static void Into(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject overlayObject && target[key] is JsonObject targetObject)
            {
                Into(targetObject, overlayObject);
            }
            else if (value is JsonArray overlayArray && target[key] is JsonArray targetArray && IsNamedList(overlayArray) && IsNamedList(targetArray))
            {
                MergeNamed(targetArray, overlayArray);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static bool IsNamedList(JsonArray array) =>
        array.All(item => item is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out _));

    private static void MergeNamed(JsonArray target, JsonArray overlay)
    {
        foreach (var item in overlay.Cast<JsonObject>())
        {
            var name = item["name"]!.GetValue<string>();
            var existing = target.Cast<JsonObject>().FirstOrDefault(t => t["name"]!.GetValue<string>() == name);
            if (existing is null)
            {
                target.Add(item.DeepClone());
            }
            else
            {
                Into(existing, item);
            }
        }
    }
}
