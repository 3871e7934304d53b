namespace K8sRelay.Core.Auth;

/// <summary>The <c>override</c> object of token subscriptions: each set value replaces the namespace option.</summary>
public sealed record SubscriptionOverride
{
    public bool? Presence { get; init; }

    public bool? JoinLeave { get; init; }

    public bool? ForcePushJoinLeave { get; init; }

    public bool? ForceRecovery { get; init; }

    public bool? ForcePositioning { get; init; }
}
