namespace K8sRelay.Core.Engines.Memory;

/// <summary>Settings of the in-process engine (Centrifugo's <c>engine.type: memory</c>).</summary>
public sealed class MemoryEngineOptions
{
    /// <summary>
    /// How long a stream's meta (top offset and epoch) outlives its last publication or read when the caller
    /// passes no TTL of its own. Default 30 days (Centrifugo's <c>history_meta_ttl</c> default of 720h).
    /// After it passes the stream is forgotten and the next publication starts a new epoch at offset 1.
    /// </summary>
    public TimeSpan HistoryMetaTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long idempotent publish results are remembered when the publish passes no TTL. Default 5 minutes.</summary>
    public TimeSpan IdempotentResultTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often one shared timer removes expired streams, stream contents and idempotency results to free
    /// memory. Default 10 seconds. Expiry is also checked on every access, so this interval never changes what
    /// a caller sees, only when memory is reclaimed. Must be positive.
    /// </summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromSeconds(10);
}
