namespace K8sRelay.Server.Api;

/// <summary>The body of <c>publish</c> (and, with several channels, <c>broadcast</c>).</summary>
public sealed record PublishApiRequest
{
    /// <summary>Target channel (publish).</summary>
    public string Channel { get; init; } = string.Empty;

    /// <summary>Target channels (broadcast).</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Payload: raw JSON from <c>data</c> or decoded <c>b64data</c>; null when neither was given.</summary>
    public byte[]? Data { get; init; }

    /// <summary><c>skip_history</c>.</summary>
    public bool SkipHistory { get; init; }

    /// <summary><c>tags</c>.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary><c>idempotency_key</c>.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary><c>delta</c>.</summary>
    public bool Delta { get; init; }
}
