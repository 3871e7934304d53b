using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>
/// The object store of the fake API server: one global resourceVersion, an event log for watch resumption, watchers
/// with bounded channels, optimistic concurrency, generation bumps, no-op write detection, status subresource rules
/// and background garbage collection by owner UID.
/// </summary>
public sealed partial class FakeStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Kind, string Ns, string Name), JsonObject> _objects = [];
    private readonly List<(long Rv, string Type, FakeKind Kind, JsonObject Object)> _log = [];
    private readonly List<FakeWatcher> _watchers = [];
    private long _rv = 100;
    private long _oldestRetained = 0;

    /// <summary>Raised after every committed change (outside the lock).</summary>
    public event Action? Changed;

    /// <summary>Current resourceVersion.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _rv;
            }
        }
    }

    /// <summary>A copy of an object, or null.</summary>
    public JsonObject? Get(FakeKind kind, string ns, string name)
    {
        lock (_lock)
        {
            return _objects.GetValueOrDefault((kind.Key, ns, name))?.DeepClone().AsObject();
        }
    }

    /// <summary>Copies of matching objects and the current resourceVersion.</summary>
    public (List<JsonObject> Items, long Rv) List(FakeKind kind, string? ns, string? selector)
    {
        lock (_lock)
        {
            var items = _objects.Where(p => p.Key.Kind == kind.Key && (ns is null || p.Key.Ns == ns) && LabelSelector.Matches(p.Value, selector))
                .OrderBy(p => p.Key.Ns, StringComparer.Ordinal).ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => p.Value.DeepClone().AsObject()).ToList();
            return (items, _rv);
        }
    }

    /// <summary>Creates an object; 409 AlreadyExists when the name is taken.</summary>
    public JsonObject Create(FakeKind kind, string ns, JsonObject obj)
    {
        JsonObject result;
        lock (_lock)
        {
            var meta = Meta(obj);
            var name = meta["name"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name) && meta["generateName"]?.GetValue<string>() is { } prefix)
            {
                name = prefix + Guid.NewGuid().ToString("N")[..5];
                meta["name"] = name;
            }

            if (string.IsNullOrEmpty(name))
            {
                throw new FakeApiException(HttpStatusCode.UnprocessableEntity, "Invalid", "metadata.name is required");
            }

            if (_objects.ContainsKey((kind.Key, ns, name)))
            {
                throw new FakeApiException(HttpStatusCode.Conflict, "AlreadyExists", $"{kind.Plural} \"{name}\" already exists");
            }

            obj["kind"] = kind.Kind;
            obj["apiVersion"] = kind.ApiVersion;
            if (kind.Namespaced)
            {
                meta["namespace"] = ns;
            }

            meta["uid"] = Guid.NewGuid().ToString();
            meta["creationTimestamp"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            meta["generation"] = 1;
            meta.Remove("deletionTimestamp");
            if (kind.HasStatusSubresource && kind.Schema is not null)
            {
                obj.Remove("status");
            }

            Admit(kind, obj);
            result = Commit(kind, ns, name, "ADDED", obj);
        }

        Changed?.Invoke();
        return result;
    }

    /// <summary>
    /// Updates an object through <paramref name="mutate"/> (given a copy of the live object). A stale
    /// resourceVersion in the result gives 409 Conflict; writes that change nothing commit nothing.
    /// </summary>
    public JsonObject Update(FakeKind kind, string ns, string name, Func<JsonObject, JsonObject> mutate, string? subresource = null)
    {
        JsonObject result;
        bool changed;
        lock (_lock)
        {
            var live = _objects.GetValueOrDefault((kind.Key, ns, name))
                ?? throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"{kind.Plural} \"{name}\" not found");
            var updated = mutate(live.DeepClone().AsObject());
            var expected = updated["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (expected is not null && expected != live["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw new FakeApiException(HttpStatusCode.Conflict, "Conflict", $"the object has been modified; please apply your changes to the latest version");
            }

            updated = Merge(kind, live, updated, subresource);
            Admit(kind, updated);
            changed = !SameIgnoringVersion(live, updated);
            if (!changed)
            {
                return live.DeepClone().AsObject();
            }

            if (!JsonNode.DeepEquals(Body(live), Body(updated)))
            {
                Meta(updated)["generation"] = (live["metadata"]!["generation"]?.ToLong() ?? 1) + 1;
            }

            result = Commit(kind, ns, name, "MODIFIED", updated);
        }

        Changed?.Invoke();
        return result;
    }

    /// <summary>Deletes an object and, in the background order of a real API server, its dependents.</summary>
    public JsonObject Delete(FakeKind kind, string ns, string name)
    {
        JsonObject removed;
        lock (_lock)
        {
            if (!_objects.Remove((kind.Key, ns, name), out removed!))
            {
                throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"{kind.Plural} \"{name}\" not found");
            }

            _rv++;
            Meta(removed)["resourceVersion"] = _rv.ToString(CultureInfo.InvariantCulture);
            Publish(kind, "DELETED", removed);
            CollectGarbage();
        }

        Changed?.Invoke();
        return removed;
    }

    /// <summary>Drops the event log: every watch resumed from an older resourceVersion gets 410 Gone.</summary>
    public void CompactHistory()
    {
        lock (_lock)
        {
            _log.Clear();
            _oldestRetained = _rv + 1;
        }
    }

    private JsonObject Commit(FakeKind kind, string ns, string name, string type, JsonObject obj)
    {
        _rv++;
        Meta(obj)["resourceVersion"] = _rv.ToString(CultureInfo.InvariantCulture);
        _objects[(kind.Key, ns, name)] = obj;
        Publish(kind, type, obj);
        return obj.DeepClone().AsObject();
    }

    private void Publish(FakeKind kind, string type, JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        _log.Add((_rv, type, kind, copy));
        foreach (var watcher in _watchers.ToList())
        {
            watcher.Offer(kind, type, copy);
        }
    }

    private void CollectGarbage()
    {
        var alive = _objects.Values.Select(o => o["metadata"]!["uid"]!.GetValue<string>()).ToHashSet();
        var orphans = _objects.Where(p => p.Value["metadata"]?["ownerReferences"] is JsonArray refs && refs.Count > 0
                && refs.All(r => !alive.Contains(r!["uid"]!.GetValue<string>())))
            .Select(p => p.Key).ToList();
        foreach (var key in orphans)
        {
            var obj = _objects[key];
            _objects.Remove(key);
            _rv++;
            Meta(obj)["resourceVersion"] = _rv.ToString(CultureInfo.InvariantCulture);
            Publish(FakeKinds.ByKey(key.Kind), "DELETED", obj);
        }

        if (orphans.Count > 0)
        {
            CollectGarbage();
        }
    }

    private static JsonObject Meta(JsonObject obj) => obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());

    private static JsonObject Body(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static bool SameIgnoringVersion(JsonObject a, JsonObject b)
    {
        var x = a.DeepClone().AsObject();
        var y = b.DeepClone().AsObject();
        Meta(x).Remove("resourceVersion");
        Meta(y).Remove("resourceVersion");
        return JsonNode.DeepEquals(x, y);
    }
}
