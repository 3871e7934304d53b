namespace K8sRelay.Core.Auth;

/// <summary>What a verified subscription token says.</summary>
public sealed record SubscriptionTokenClaims
{
    /// <summary>User id the token was issued for; must equal the connection's user.</summary>
    public required string UserId { get; init; }

    /// <summary>The channel the token grants; must equal the subscribed channel.</summary>
    public required string Channel { get; init; }

    /// <summary>Client id the token is bound to, or empty for any client of the user.</summary>
    public string Client { get; init; } = string.Empty;

    /// <summary>When the subscription expires, Unix seconds (<c>expire_at</c>, else <c>exp</c>); 0 = never.</summary>
    public long ExpireAt { get; init; }

    /// <summary>Channel info (<c>info</c> or decoded <c>b64info</c>), or null.</summary>
    public byte[]? Info { get; init; }

    /// <summary>Custom data for the subscribe result (<c>data</c> or decoded <c>b64data</c>), or null.</summary>
    public byte[]? Data { get; init; }

    /// <summary>Overrides of namespace options, or null.</summary>
    public SubscriptionOverride? Override { get; init; }
}
