using System.Text.Json;

namespace K8sRelay.Core.Auth;

/// <summary>Maps a verified connection token payload to <see cref="ConnectTokenClaims"/>.</summary>
internal static class ConnectTokenClaimsReader
{
    /// <summary>
    /// Rejects connection tokens that carry a non-empty <c>channel</c> claim: that claim marks a subscription
    /// token, and accepting one as a connection token would let a subscription token open connections
    /// (Centrifugo rejects it the same way).
    /// </summary>
    public static void EnsureNoChannel(JsonElement payload)
    {
        if (!string.IsNullOrEmpty(ClaimReader.GetString(payload, "channel")))
        {
            throw new InvalidTokenException("connection token must not contain a channel claim");
        }
    }

    /// <summary>Reads the claims.</summary>
    /// <exception cref="InvalidTokenException">A claim has the wrong type or is not valid base64.</exception>
    public static ConnectTokenClaims Read(JsonElement payload, RegisteredClaims registered)
    {
        var subs = new Dictionary<string, SubscriptionClaim>(StringComparer.Ordinal);
        if (ClaimReader.GetObject(payload, "subs") is { } subsObject)
        {
            foreach (var entry in subsObject.EnumerateObject())
            {
                subs[entry.Name] = entry.Value.ValueKind switch
                {
                    JsonValueKind.Null => new SubscriptionClaim(),
                    JsonValueKind.Object => ReadSubscription(entry.Value),
                    _ => throw new InvalidTokenException("claim subs must map channels to objects"),
                };
            }
        }

        return new ConnectTokenClaims
        {
            UserId = registered.UserId,
            ExpireAt = registered.ExpireAt(payload),
            Info = ClaimReader.GetPayload(payload, "info", "b64info"),
            Channels = ClaimReader.GetStringArray(payload, "channels"),
            Subs = subs,
            Meta = ClaimReader.GetRawJson(payload, "meta"),
        };
    }

    private static SubscriptionClaim ReadSubscription(JsonElement value) => new()
    {
        Info = ClaimReader.GetPayload(value, "info", "b64info"),
        Data = ClaimReader.GetPayload(value, "data", "b64data"),
        Override = ClaimReader.GetOverride(value, "override"),
    };
}
