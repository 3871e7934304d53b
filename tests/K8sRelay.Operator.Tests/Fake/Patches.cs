using System.Net;
using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>JSON merge patch (RFC 7386) and JSON patch (RFC 6902: add, replace, remove, test); strategic merge and apply are refused.</summary>
public static class Patches
{
    /// <summary>Applies <paramref name="patch"/> of <paramref name="contentType"/> to <paramref name="target"/>.</summary>
    public static JsonObject Apply(JsonObject target, JsonNode? patch, string? contentType, FakeKind kind)
    {
        var type = contentType?.Split(';')[0].Trim();
        switch (type)
        {
            case "application/merge-patch+json":
                Merge(target, patch as JsonObject ?? []);
                return target;
            case "application/json-patch+json":
                foreach (var op in (patch as JsonArray ?? []).OfType<JsonObject>())
                {
                    JsonPatch(target, op);
                }

                return target;
            default:
                throw new FakeApiException(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType", $"the fake serves merge and JSON patches only, not {type} (for {kind.Kind})");
        }
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static void JsonPatch(JsonObject target, JsonObject op)
    {
        var path = op["path"]!.GetValue<string>().Trim('/').Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode parent = target;
        foreach (var part in path[..^1])
        {
            parent = (parent is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : parent[part])
                ?? throw new FakeApiException(HttpStatusCode.UnprocessableEntity, "Invalid", $"path {op["path"]} does not exist");
        }

        var last = path[^1];
        switch (op["op"]!.GetValue<string>())
        {
            case "add" or "replace" when parent is JsonObject o:
                o[last] = op["value"]?.DeepClone();
                break;
            case "remove" when parent is JsonObject o:
                o.Remove(last);
                break;
            case "test" when parent is JsonObject o:
                if (!JsonNode.DeepEquals(o[last], op["value"]))
                {
                    throw new FakeApiException(HttpStatusCode.UnprocessableEntity, "Invalid", $"test of {op["path"]} failed");
                }

                break;
            default:
                throw new FakeApiException(HttpStatusCode.UnprocessableEntity, "Invalid", $"unsupported JSON patch operation {op.ToJsonString()}");
        }
    }
}
