using System.Text.Json;

namespace K8sRelay.Core.Auth;

/// <summary>The standard claims every token kind shares, read with type checks.</summary>
/// <param name="UserId">The user id claim (<c>sub</c> or the configured one); empty when absent.</param>
/// <param name="Expires"><c>exp</c> in seconds, or null.</param>
/// <param name="NotBefore"><c>nbf</c> in seconds, or null.</param>
/// <param name="Issuer"><c>iss</c>, or null.</param>
/// <param name="Audience"><c>aud</c> values; empty when absent.</param>
internal sealed record RegisteredClaims(
    string UserId, double? Expires, double? NotBefore, string? Issuer, IReadOnlyList<string> Audience)
{
    /// <summary>Reads the claims from a payload object.</summary>
    /// <exception cref="InvalidTokenException">A claim has the wrong type.</exception>
    public static RegisteredClaims Read(JsonElement payload, string userIdClaim) => new(
        ClaimReader.GetString(payload, userIdClaim) ?? string.Empty,
        ClaimReader.GetNumericDate(payload, "exp"),
        ClaimReader.GetNumericDate(payload, "nbf"),
        ClaimReader.GetString(payload, "iss"),
        ClaimReader.GetAudience(payload));

    /// <summary>
    /// The expiry to enforce on the connection or subscription, Unix seconds: <c>expire_at</c> when present
    /// (0 or less = never), else <c>exp</c>, else 0 (never).
    /// </summary>
    public long ExpireAt(JsonElement payload)
    {
        if (ClaimReader.GetInt64(payload, "expire_at") is { } expireAt)
        {
            return Math.Max(0, expireAt);
        }

        return Expires is { } exp ? Math.Max(0, (long)Math.Floor(exp)) : 0;
    }
}
