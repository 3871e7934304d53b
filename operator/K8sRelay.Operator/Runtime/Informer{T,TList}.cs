using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using K8sRelay.Operator.Diagnostics;

namespace K8sRelay.Operator.Runtime;

/// <summary>
/// Lists one kind, then watches it from the list's resourceVersion, keeping a local cache. A watch that ends
/// (server timeout, dropped connection, or an idle stream that closes before its first line) resumes from the
/// last seen resourceVersion; a 410 Gone (as an HTTP reply or as an ERROR event) relists. Failures back off
/// exponentially. Every change is passed to <c>onChange</c> with the previous cached object.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
/// <typeparam name="TList">The list type the API returns.</typeparam>
public sealed class Informer<T, TList> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IKubernetesObject<V1ListMeta>, IItems<T>
{
    private readonly ConcurrentDictionary<ObjectKey, T> _cache = new();
    private readonly IKubernetes _client;
    private readonly string? _namespace;
    private readonly string? _labelSelector;
    private readonly Action<WatchEventType, T, T?> _onChange;
    private readonly InformerOptions _options;
    private readonly OperatorMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _synced;

    /// <summary>Creates an informer; call <see cref="RunAsync"/> to start it.</summary>
    public Informer(IKubernetes client, ResourceKind kind, string? watchNamespace, string? labelSelector,
        Action<WatchEventType, T, T?> onChange, InformerOptions options, OperatorMetrics metrics, TimeProvider time, ILogger logger)
    {
        _client = client;
        Kind = kind;
        _namespace = watchNamespace;
        _labelSelector = labelSelector;
        _onChange = onChange;
        _options = options;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public ResourceKind Kind { get; }

    /// <inheritdoc />
    public bool HasSynced => _synced;

    /// <summary>The cached object, or null.</summary>
    public T? Get(string ns, string name) => _cache.GetValueOrDefault(new ObjectKey(ns, name));

    /// <summary>Cached objects of a namespace that match <paramref name="filter"/>, ordered by name.</summary>
    public IReadOnlyList<T> List(string ns, Func<T, bool>? filter = null) =>
        [.. _cache.Values.Where(o => o.Metadata.NamespaceProperty == ns && (filter is null || filter(o))).OrderBy(o => o.Metadata.Name, StringComparer.Ordinal)];

    /// <summary>Every cached object.</summary>
    public IReadOnlyList<T> All() => [.. _cache.Values];

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(cancellationToken).ConfigureAwait(false);
                resourceVersion = await WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (KubernetesErrors.IsGone(e))
            {
                InformerLog.WatchExpired(_logger, Kind.Kind, resourceVersion);
                _metrics.WatchRestarted(Kind.Kind, "expired");
                resourceVersion = null;
            }
            catch (Exception e)
            {
                failures++;
                _metrics.WatchRestarted(Kind.Kind, "error");
                var delay = Backoff.Exponential(_options.MinBackoff, _options.MaxBackoff, failures);
                InformerLog.Failed(_logger, Kind.Kind, delay, e);
                try
                {
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var response = await (_namespace is null
            ? _client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<TList>(
                Kind.Group, Kind.Version, Kind.Plural, labelSelector: _labelSelector, cancellationToken: cancellationToken)
            : _client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<TList>(
                Kind.Group, Kind.Version, _namespace, Kind.Plural, labelSelector: _labelSelector, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var list = response.Body;
        var seen = new HashSet<ObjectKey>();
        foreach (var item in list.Items)
        {
            // List items carry no kind or apiVersion on a real API server; watch events do. Keep them uniform.
            item.Kind ??= Kind.Kind;
            item.ApiVersion ??= Kind.ApiVersion;
            var key = ObjectKey.Of(item);
            seen.Add(key);
            var previous = _cache.GetValueOrDefault(key);
            _cache[key] = item;
            if (previous is null || previous.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                _onChange(previous is null ? WatchEventType.Added : WatchEventType.Modified, item, previous);
            }
        }

        foreach (var stale in _cache.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            if (_cache.TryRemove(stale, out var removed))
            {
                _onChange(WatchEventType.Deleted, removed, removed);
            }
        }

        _synced = true;
        InformerLog.Listed(_logger, Kind.Kind, list.Items.Count, list.Metadata.ResourceVersion);
        return list.Metadata.ResourceVersion;
    }

    private async Task<string> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        Exception? watchError = null;
        var timeout = (int)_options.WatchTimeout.TotalSeconds;
        var request = _namespace is null
            ? _client.CustomObjects.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<TList>(
                Kind.Group, Kind.Version, Kind.Plural, allowWatchBookmarks: true, labelSelector: _labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeout, watch: true, cancellationToken: cancellationToken)
            : _client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<TList>(
                Kind.Group, Kind.Version, _namespace, Kind.Plural, allowWatchBookmarks: true, labelSelector: _labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeout, watch: true, cancellationToken: cancellationToken);
        try
        {
            // The typed watch over a list response is the only typed watch of custom-object calls; its replacement is untyped.
#pragma warning disable CS0618
            var events = request.WatchAsync<T, TList>(e => watchError ??= e, cancellationToken);
#pragma warning restore CS0618
            await foreach (var (type, item) in events.ConfigureAwait(false))
            {
                resourceVersion = item.Metadata?.ResourceVersion ?? resourceVersion;
                Apply(type, item);
            }
        }
        catch (Exception e) when (e is EndOfStreamException || e.InnerException is EndOfStreamException)
        {
            // The client peeks the first line of a watch before returning; an idle watch that the server closes
            // without any event surfaces here. It is a normal end: resume from the same version.
        }

        if (watchError is not null)
        {
            if (KubernetesErrors.IsGone(watchError))
            {
                throw watchError;
            }

            throw new InvalidOperationException($"Watch of {Kind.Kind} reported an error.", watchError);
        }

        _metrics.WatchRestarted(Kind.Kind, "closed");
        InformerLog.WatchEnded(_logger, Kind.Kind, resourceVersion);
        return resourceVersion;
    }

    private void Apply(WatchEventType type, T item)
    {
        if (type == WatchEventType.Bookmark)
        {
            return;
        }

        var key = ObjectKey.Of(item);
        if (type == WatchEventType.Deleted)
        {
            _cache.TryRemove(key, out _);
            _onChange(type, item, item);
            return;
        }

        var previous = _cache.GetValueOrDefault(key);
        _cache[key] = item;
        _onChange(type, item, previous);
    }
}
