using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace K8sRelay.Operator.Tests.Fake;

public sealed partial class FakeApiServer
{
    private JsonNode Execute(string method, FakeRoute route, JsonNode? body, string? contentType, IQueryCollection query)
    {
        var kind = route.Kind;
        var ns = route.Namespace ?? "";
        if (route.Name is null)
        {
            return method switch
            {
                "GET" => ListResponse(kind, route.Namespace, query["labelSelector"]),
                "POST" => Store.Create(kind, ns, Object(body)),
                _ => throw new FakeApiException(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", method + " on a collection"),
            };
        }

        var name = route.Name;
        if (route.Subresource == "scale")
        {
            return Scale(method, kind, ns, name, body, contentType);
        }

        return method switch
        {
            "GET" => Store.Get(kind, ns, name) ?? throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"{kind.Plural} \"{name}\" not found"),
            "PUT" => Store.Update(kind, ns, name, _ => Object(body), route.Subresource),
            "PATCH" => Store.Update(kind, ns, name, live => Patches.Apply(live, body, contentType, kind), route.Subresource),
            "DELETE" => Store.Delete(kind, ns, name),
            _ => throw new FakeApiException(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", method),
        };
    }

    private JsonObject ListResponse(FakeKind kind, string? ns, string? selector)
    {
        var (items, rv) = Store.List(kind, ns, selector);
        foreach (var item in items)
        {
            // A real API server leaves kind and apiVersion off list items.
            item.Remove("kind");
            item.Remove("apiVersion");
        }

        return new JsonObject
        {
            ["kind"] = kind.Kind + "List",
            ["apiVersion"] = kind.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items]),
        };
    }

    private JsonObject Scale(string method, FakeKind kind, string ns, string name, JsonNode? body, string? contentType)
    {
        var paths = kind.Scale ?? throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"{kind.Plural} has no scale subresource");
        var obj = Store.Get(kind, ns, name) ?? throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"{kind.Plural} \"{name}\" not found");
        if (method is "PUT" or "PATCH")
        {
            var current = ScaleOf(obj, paths);
            var desired = method == "PUT" ? Object(body) : Patches.Apply(current, body, contentType, kind);
            var replicas = desired["spec"]?["replicas"]?.ToInt() ?? 0;
            obj = Store.Update(kind, ns, name, live =>
            {
                JsonPath.Set(live, paths.Spec, replicas);
                return live;
            });
        }

        return ScaleOf(obj, paths);
    }

    private static JsonObject ScaleOf(JsonObject obj, (string Spec, string Status, string Selector) paths) => new()
    {
        ["kind"] = "Scale",
        ["apiVersion"] = "autoscaling/v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = obj["metadata"]!["name"]!.DeepClone(),
            ["namespace"] = obj["metadata"]!["namespace"]?.DeepClone(),
            ["resourceVersion"] = obj["metadata"]!["resourceVersion"]!.DeepClone(),
        },
        ["spec"] = new JsonObject { ["replicas"] = JsonPath.Get(obj, paths.Spec)?.DeepClone() ?? 0 },
        ["status"] = new JsonObject
        {
            ["replicas"] = JsonPath.Get(obj, paths.Status)?.DeepClone() ?? 0,
            ["selector"] = JsonPath.Get(obj, paths.Selector)?.DeepClone(),
        },
    };

    private static JsonObject Object(JsonNode? body) =>
        body as JsonObject ?? throw new FakeApiException(HttpStatusCode.BadRequest, "BadRequest", "a JSON object body is required");
}
