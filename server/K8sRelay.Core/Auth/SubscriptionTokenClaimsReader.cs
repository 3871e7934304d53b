using System.Text.Json;

namespace K8sRelay.Core.Auth;

/// <summary>Maps a verified subscription token payload to <see cref="SubscriptionTokenClaims"/>.</summary>
internal static class SubscriptionTokenClaimsReader
{
    /// <summary>Reads the claims; <c>channel</c> is required.</summary>
    /// <exception cref="InvalidTokenException">The channel is missing, or a claim has the wrong type or bad base64.</exception>
    public static SubscriptionTokenClaims Read(JsonElement payload, RegisteredClaims registered)
    {
        var channel = ClaimReader.GetString(payload, "channel");
        if (string.IsNullOrEmpty(channel))
        {
            throw new InvalidTokenException("subscription token must contain a channel claim");
        }

        return new SubscriptionTokenClaims
        {
            UserId = registered.UserId,
            Channel = channel,
            Client = ClaimReader.GetString(payload, "client") ?? string.Empty,
            ExpireAt = registered.ExpireAt(payload),
            Info = ClaimReader.GetPayload(payload, "info", "b64info"),
            Data = ClaimReader.GetPayload(payload, "data", "b64data"),
            Override = ClaimReader.GetOverride(payload, "override"),
        };
    }
}
