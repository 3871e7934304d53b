using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace K8sRelay.Core.Auth.Jwks;

/// <summary>
/// Finds JWKS keys by URL and <c>kid</c>, downloading key sets with an HTTP GET (per-attempt timeout, a
/// configured number of retries) and caching them per URL. A key set older than the cache lifetime, or a
/// <c>kid</c> missing from the cached set, triggers a download, but never more often than the minimum refresh
/// interval per URL. When a download fails the last good set (even an old one) keeps being used. Thread-safe.
/// </summary>
internal sealed partial class JwksKeyProvider
{
    /// <summary>Largest key set document accepted.</summary>
    internal const int MaxResponseBytes = 1024 * 1024;

    /// <summary>How many templated URLs are cached at once; the least recently fetched one is dropped.</summary>
    internal const int MaxCachedUrls = 64;

    private readonly ConcurrentDictionary<string, JwksCacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _cacheTtl;
    private readonly TimeSpan _requestTimeout;
    private readonly int _retries;
    private readonly TimeSpan _minRefreshInterval;
    private readonly Func<string, Task<JwksKeySet>> _download;

    public JwksKeyProvider(HttpClient httpClient, TimeProvider timeProvider, ILogger logger, TokenVerifierOptions options)
    {
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
        _cacheTtl = options.JwksCacheTtl;
        _requestTimeout = options.JwksRequestTimeout;
        _retries = options.JwksRetries;
        _minRefreshInterval = options.JwksMinRefreshInterval;
        _download = DownloadAsync;
    }

    /// <summary>Returns the key with id <paramref name="keyId"/> published at <paramref name="url"/>.</summary>
    /// <exception cref="InvalidTokenException">The set is available but has no key with that id.</exception>
    /// <exception cref="TokenVerificationUnavailableException">No set could be downloaded and none is cached.</exception>
    public async ValueTask<JwksKey> GetKeyAsync(string url, string keyId, CancellationToken cancellationToken)
    {
        var entry = GetEntry(url);
        var cached = entry.Current;
        if (cached is not null
            && _timeProvider.GetUtcNow() - cached.FetchedAt < _cacheTtl
            && cached.TryGet(keyId, out var cachedKey))
        {
            return cachedKey;
        }

        var outcome = await entry.RefreshAsync(_download, _timeProvider, _minRefreshInterval)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        var set = entry.Current;
        if (set is not null && set.TryGet(keyId, out var key))
        {
            return key;
        }

        if (set is null || outcome == JwksFetchOutcome.Failed)
        {
            throw new TokenVerificationUnavailableException("JWKS endpoint is unavailable");
        }

        throw new InvalidTokenException("no JWKS key matches the token kid");
    }

    private JwksCacheEntry GetEntry(string url)
    {
        if (_entries.TryGetValue(url, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= MaxCachedUrls)
        {
            var oldest = _entries.MinBy(pair => pair.Value.Current?.FetchedAt ?? DateTimeOffset.MinValue);
            _entries.TryRemove(oldest.Key, out _);
        }

        return _entries.GetOrAdd(url, static u => new JwksCacheEntry(u));
    }

    private async Task<JwksKeySet> DownloadAsync(string url)
    {
        var endpoint = ForLog(url);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var body = await DownloadOnceAsync(url).ConfigureAwait(false);
                var set = JwksKeySet.Parse(body, _timeProvider.GetUtcNow());
                Log.KeySetLoaded(_logger, endpoint, set.Count);
                return set;
            }
            catch (FormatException ex)
            {
                Log.KeySetInvalid(_logger, endpoint, ex.Message);
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                var reason = ex is OperationCanceledException ? "timed out" : ex.Message;
                Log.DownloadFailed(_logger, endpoint, attempt, reason);
                if (attempt > _retries)
                {
                    throw;
                }
            }
        }
    }

    private async Task<ReadOnlyMemory<byte>> DownloadOnceAsync(string url)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout, _timeProvider);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"unexpected status {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new HttpRequestException("key set document too large");
        }

        var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    throw new HttpRequestException("key set document too large");
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), timeout.Token).ConfigureAwait(false);
            }

            return buffer.ToArray();
        }
    }

    // Scheme, host and path only: a query string could carry credentials.
    private static string ForLog(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(invalid url)";
}
