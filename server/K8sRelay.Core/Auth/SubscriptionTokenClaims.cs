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

    /// <summary>
    /// True when this token grants <paramref name="channel"/> to user <paramref name="userId"/> on client
    /// <paramref name="clientId"/>: channel and user must be equal (ordinal) and, when the token is bound to a
    /// client (<see cref="Client"/> not empty), the client id too. Centrifugo answers a mismatch with disconnect
    /// 3500 invalid token.
    /// </summary>
    public bool Grants(string channel, string userId, string clientId) =>
        string.Equals(Channel, channel, StringComparison.Ordinal)
        && string.Equals(UserId, userId, StringComparison.Ordinal)
        && (Client.Length == 0 || string.Equals(Client, clientId, StringComparison.Ordinal));
}
