using K8sRelay.Core.Engines;

namespace K8sRelay.Core.Node;

/// <summary>Per-call publish settings (from the server API request or the publishing client).</summary>
public sealed record PublishRequestOptions
{
    /// <summary>Publisher info for client-side publications.</summary>
    public ClientInfo? ClientInfo { get; init; }

    /// <summary>Tags attached to the publication.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Idempotency key (server API <c>idempotency_key</c>).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Publish with delta (server API <c>delta</c>).</summary>
    public bool Delta { get; init; }

    /// <summary>Do not store in history (server API <c>skip_history</c>).</summary>
    public bool SkipHistory { get; init; }

    /// <summary>No extra settings.</summary>
    public static PublishRequestOptions Default { get; } = new();
}
