using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace K8sRelay.Operator.Tests.Fake;

public sealed partial class FakeStore
{
    /// <summary>Opens a watch: replays current objects (no version) or newer events (a version), then live events.</summary>
    /// <exception cref="FakeApiException">410 Gone when the version is older than the retained event log.</exception>
    public FakeWatcher Watch(FakeKind kind, string? ns, string? selector, string? resourceVersion)
    {
        lock (_lock)
        {
            var watcher = new FakeWatcher(kind, ns, selector);
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var obj in _objects.Where(p => p.Key.Kind == kind.Key).Select(p => p.Value).Where(o => watcher.Wants(kind, o)))
                {
                    watcher.Send(FakeWatcher.Line("ADDED", obj));
                }
            }
            else
            {
                var since = long.Parse(resourceVersion, CultureInfo.InvariantCulture);
                if (since < _oldestRetained - 1)
                {
                    throw new FakeApiException(HttpStatusCode.Gone, "Expired", $"too old resource version: {since} ({_oldestRetained - 1})");
                }

                foreach (var (_, type, eventKind, obj) in _log.Where(e => e.Rv > since))
                {
                    watcher.Offer(eventKind, type, obj);
                }
            }

            _watchers.Add(watcher);
            return watcher;
        }
    }

    /// <summary>Stops delivering to a watcher.</summary>
    public void Unwatch(FakeWatcher watcher)
    {
        lock (_lock)
        {
            _watchers.Remove(watcher);
        }

        watcher.Close();
    }

    /// <summary>Closes every open watch (a dropped connection from the client's view).</summary>
    public void DropWatches()
    {
        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Sends an ERROR event with a 410 Status to every open watch and closes it.</summary>
    public void ExpireWatches()
    {
        lock (_lock)
        {
            _log.Clear();
            _oldestRetained = _rv + 1;
            foreach (var watcher in _watchers)
            {
                watcher.Send(FakeWatcher.Line("ERROR", ApiStatus.Failure(HttpStatusCode.Gone, "Expired", "too old resource version")));
                watcher.Close();
            }

            _watchers.Clear();
        }
    }

    private static JsonObject Merge(FakeKind kind, JsonObject live, JsonObject updated, string? subresource)
    {
        JsonObject result;
        if (subresource == "status")
        {
            result = live.DeepClone().AsObject();
            result["status"] = updated["status"]?.DeepClone();
        }
        else
        {
            result = updated;
            if (kind.HasStatusSubresource)
            {
                result["status"] = live["status"]?.DeepClone();
            }
        }

        if (result["status"] is null)
        {
            result.Remove("status");
        }

        var meta = Meta(result);
        var liveMeta = Meta(live);
        foreach (var key in new[] { "uid", "creationTimestamp", "generation", "namespace", "name" })
        {
            meta[key] = liveMeta[key]?.DeepClone();
        }

        result["kind"] = kind.Kind;
        result["apiVersion"] = kind.ApiVersion;
        return result;
    }

    private static void Admit(FakeKind kind, JsonObject obj)
    {
        ServerDefaults.Apply(kind, obj);
        if (kind.Schema is { } schema)
        {
            var errors = new List<string>();
            SchemaRules.DefaultAndPrune(schema, obj, errors, "");
            if (errors.Count > 0)
            {
                throw new FakeApiException(HttpStatusCode.UnprocessableEntity, "Invalid", $"{kind.Kind} is invalid: {string.Join("; ", errors)}");
            }
        }
    }
}
