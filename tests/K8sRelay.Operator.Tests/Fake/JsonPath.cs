using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>Simple dotted paths such as .spec.replicas.</summary>
public static class JsonPath
{
    /// <summary>The value at <paramref name="path"/>, or null.</summary>
    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Trim('.').Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    /// <summary>Sets the value at <paramref name="path"/>, creating objects on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Trim('.').Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
