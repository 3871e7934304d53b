namespace K8sRelay.Core.Auth.Jwks;

/// <summary>
/// The cached key set of one JWKS URL and the bookkeeping that keeps downloads rare: at most one download runs
/// at a time (callers share it) and a new one starts only when the previous one began at least the minimum
/// refresh interval ago. Thread-safe.
/// </summary>
internal sealed class JwksCacheEntry
{
    private readonly Lock _lock = new();
    private Task<JwksFetchOutcome>? _inFlight;
    private DateTimeOffset? _lastAttempt;
    private bool _lastFailed;
    private volatile JwksKeySet? _current;

    public JwksCacheEntry(string url)
    {
        Url = url;
    }

    /// <summary>The URL this entry caches.</summary>
    public string Url { get; }

    /// <summary>The last set downloaded successfully (possibly older than the cache lifetime), or null.</summary>
    public JwksKeySet? Current => _current;

    /// <summary>
    /// Joins the running download, starts one, or reports that none may start yet. The returned task never
    /// faults: a failed download is reported as <see cref="JwksFetchOutcome.Failed"/>.
    /// </summary>
    public Task<JwksFetchOutcome> RefreshAsync(
        Func<string, Task<JwksKeySet>> download, TimeProvider timeProvider, TimeSpan minInterval)
    {
        lock (_lock)
        {
            if (_inFlight is { IsCompleted: false })
            {
                return _inFlight;
            }

            var now = timeProvider.GetUtcNow();
            if (_lastAttempt is { } last && now - last < minInterval)
            {
                return Task.FromResult(_lastFailed ? JwksFetchOutcome.Failed : JwksFetchOutcome.RateLimited);
            }

            _lastAttempt = now;
            _inFlight = RunAsync(download);
            return _inFlight;
        }
    }

    private async Task<JwksFetchOutcome> RunAsync(Func<string, Task<JwksKeySet>> download)
    {
        await Task.Yield();
        try
        {
            var set = await download(Url).ConfigureAwait(false);
            _current = set;
            SetFailed(false);
            return JwksFetchOutcome.Fetched;
        }
        catch (Exception)
        {
            // The downloader has logged the cause; the caller turns this into an error for the token.
            SetFailed(true);
            return JwksFetchOutcome.Failed;
        }
    }

    private void SetFailed(bool failed)
    {
        lock (_lock)
        {
            _lastFailed = failed;
        }
    }
}
