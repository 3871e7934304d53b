namespace K8sRelay.Core.Auth;

/// <summary>What a verified connection token says.</summary>
public sealed record ConnectTokenClaims
{
    /// <summary>User id (<c>sub</c> or the configured user id claim); empty for anonymous.</summary>
    public required string UserId { get; init; }

    /// <summary>
    /// When the connection expires, Unix seconds: <c>expire_at</c> when present, else <c>exp</c>; 0 = never.
    /// </summary>
    public long ExpireAt { get; init; }

    /// <summary>Connection info (<c>info</c> as raw JSON, or decoded <c>b64info</c>), or null.</summary>
    public byte[]? Info { get; init; }

    /// <summary>Server-side subscriptions from the <c>channels</c> claim.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Server-side subscriptions from the <c>subs</c> claim (takes precedence over <see cref="Channels"/>).</summary>
    public IReadOnlyDictionary<string, SubscriptionClaim> Subs { get; init; } = new Dictionary<string, SubscriptionClaim>();

    /// <summary>The <c>meta</c> claim as raw JSON, never sent to clients; or null.</summary>
    public byte[]? Meta { get; init; }
}
