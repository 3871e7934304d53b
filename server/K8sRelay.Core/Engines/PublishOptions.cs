namespace K8sRelay.Core.Engines;

/// <summary>How to publish one message.</summary>
public sealed record PublishOptions
{
    /// <summary>Keep at most this many publications in history; 0 = no history (both size and TTL must be positive).</summary>
    public int HistorySize { get; init; }

    /// <summary>How long publications stay in history; zero = no history.</summary>
    public TimeSpan HistoryTtl { get; init; }

    /// <summary>How long the stream meta (top offset and epoch) lives after the last publication; zero = engine default.</summary>
    public TimeSpan HistoryMetaTtl { get; init; }

    /// <summary>Publisher info for client-side publications.</summary>
    public ClientInfo? ClientInfo { get; init; }

    /// <summary>Optional tags attached to the publication.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>When set, a repeated publish with the same key within <see cref="IdempotentResultTtl"/> is not published again.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>How long idempotency results are remembered; zero = engine default (5 minutes).</summary>
    public TimeSpan IdempotentResultTtl { get; init; }

    /// <summary>Ask subscribers that negotiated delta compression to get a delta against the previous publication.</summary>
    public bool UseDelta { get; init; }

    /// <summary>True to not store this publication in history even when the channel has history.</summary>
    public bool SkipHistory { get; init; }

    /// <summary>Whether history is enabled by these options.</summary>
    public bool HasHistory => HistorySize > 0 && HistoryTtl > TimeSpan.Zero && !SkipHistory;
}
