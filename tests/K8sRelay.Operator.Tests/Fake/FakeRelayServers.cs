using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// The K8sRelay servers of the fake cluster: <c>POST /api/info</c> lists the running server pods of a cluster as
/// nodes with test-controlled client counts; <c>POST /api/drain</c> records the call and empties the pod. Both check
/// the X-API-Key header against the cluster's generated Secret.
/// </summary>
public sealed class FakeRelayServers(FakeStore store)
{
    private readonly ConcurrentDictionary<string, long> _clients = new(StringComparer.Ordinal);
    private readonly List<string> _drained = [];

    /// <summary>Pods whose drain was called, in order.</summary>
    public IReadOnlyList<string> Drained
    {
        get
        {
            lock (_drained)
            {
                return [.. _drained];
            }
        }
    }

    /// <summary>Info calls answered so far.</summary>
    public int InfoCalls { get; private set; }

    /// <summary>Sets the connected clients of a pod.</summary>
    public void SetClients(string pod, long clients) => _clients[pod] = clients;

    /// <summary>Handles /relay/{ns}/{target}/api/{method}, where target is "cluster.NAME" or "pod.NAME".</summary>
    public async Task HandleAsync(HttpContext context, string ns, string pod, string method)
    {
        var (scope, name) = pod.Split('.', 2) is [var s, var n] ? (s, n) : ("pod", pod);
        var cluster = scope == "cluster" ? name : store.Get(FakeKinds.Pod, ns, name)?["metadata"]?["labels"]?["k8srelay.io/cluster"]?.GetValue<string>();
        if (cluster is null || context.Request.Headers["X-API-Key"] != ApiKey(ns, cluster))
        {
            context.Response.StatusCode = 401;
            return;
        }

        JsonObject result;
        if (method == "info")
        {
            InfoCalls++;
            var nodes = store.List(FakeKinds.Pod, ns, $"k8srelay.io/cluster={cluster},app.kubernetes.io/component=server").Items
                .Select(p => p["metadata"]!["name"]!.GetValue<string>())
                .Select(n => (JsonNode)new JsonObject { ["uid"] = n, ["name"] = n, ["num_clients"] = _clients.GetValueOrDefault(n), ["num_users"] = _clients.GetValueOrDefault(n), ["num_subs"] = 0 });
            result = new JsonObject { ["result"] = new JsonObject { ["nodes"] = new JsonArray([.. nodes]) } };
        }
        else if (method == "drain" && scope == "pod")
        {
            lock (_drained)
            {
                _drained.Add(name);
            }

            _clients[name] = 0;
            result = new JsonObject { ["result"] = new JsonObject() };
        }
        else
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.ToJsonString());
    }

    /// <summary>The API key the cluster's pods get: the Secret key its status names, as the server reads it from the environment.</summary>
    private string? ApiKey(string ns, string cluster)
    {
        var reference = store.Get(FakeKinds.RealtimeCluster, ns, cluster)?["status"]?["secrets"]?["apiKey"];
        var secret = reference?["name"]?.GetValue<string>() ?? cluster + "-auth";
        var key = reference?["key"]?.GetValue<string>() ?? "api-key";
        return store.Get(FakeKinds.Find("", "secrets")!, ns, secret)?["data"]?[key]?.GetValue<string>() is { } encoded
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
            : null;
    }
}
