namespace K8sRelay.Configuration.Model;

/// <summary>
/// The <c>client.subscription_token</c> section: the same keys as <c>client.token</c>, used for
/// subscription tokens only when <see cref="Enabled"/> is true.
/// </summary>
public sealed class SubscriptionTokenConfig : TokenConfig
{
    /// <summary><c>client.subscription_token.enabled</c>: verify subscription tokens with this section. Default false.</summary>
    public bool Enabled { get; set; }
}
