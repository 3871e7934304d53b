namespace K8sRelay.Core.Auth;

/// <summary>One entry of the <c>subs</c> claim of a connection token.</summary>
public sealed record SubscriptionClaim
{
    /// <summary>Channel info (<c>info</c> raw JSON or decoded <c>b64info</c>), or null.</summary>
    public byte[]? Info { get; init; }

    /// <summary>Custom data sent in the subscribe result (<c>data</c> or decoded <c>b64data</c>), or null.</summary>
    public byte[]? Data { get; init; }

    /// <summary>Per-subscription overrides of namespace options, or null.</summary>
    public SubscriptionOverride? Override { get; init; }
}
