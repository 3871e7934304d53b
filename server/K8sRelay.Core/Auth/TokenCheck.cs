using System.Globalization;
using System.Text;

namespace K8sRelay.Core.Auth;

/// <summary>
/// Backs the <c>checktoken</c> and <c>checksubtoken</c> commands: verifies a token and describes its claims as
/// text. Rejections are described, not thrown (only cancellation propagates).
/// </summary>
public static class TokenCheck
{
    /// <summary>Verifies a connection token and describes it.</summary>
    public static async Task<TokenCheckResult> CheckConnectionTokenAsync(
        ITokenVerifier verifier, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        try
        {
            var claims = await verifier.VerifyConnectTokenAsync(token, cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"valid connection token for user \"{claims.UserId}\"").AppendLine();
            AppendExpiry(text, claims.ExpireAt);
            AppendBytes(text, "info", claims.Info);
            if (claims.Channels.Count > 0)
            {
                text.Append("channels: ").AppendJoin(", ", claims.Channels).AppendLine();
            }

            if (claims.Subs.Count > 0)
            {
                text.Append("subs: ").AppendJoin(", ", claims.Subs.Keys).AppendLine();
            }

            AppendBytes(text, "meta", claims.Meta);
            return new TokenCheckResult(true, text.ToString().TrimEnd());
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            return Rejected(ex);
        }
    }

    /// <summary>Verifies a subscription token and describes it.</summary>
    public static async Task<TokenCheckResult> CheckSubscriptionTokenAsync(
        ITokenVerifier verifier, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        try
        {
            var claims = await verifier.VerifySubscriptionTokenAsync(token, cancellationToken).ConfigureAwait(false);
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"valid subscription token for user \"{claims.UserId}\" and channel \"{claims.Channel}\"")
                .AppendLine();
            if (claims.Client.Length > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"client: {claims.Client}").AppendLine();
            }

            AppendExpiry(text, claims.ExpireAt);
            AppendBytes(text, "info", claims.Info);
            AppendBytes(text, "data", claims.Data);
            return new TokenCheckResult(true, text.ToString().TrimEnd());
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            return Rejected(ex);
        }
    }

    private static bool IsRejection(Exception ex) =>
        ex is InvalidTokenException or TokenExpiredException or TokenVerificationUnavailableException;

    private static TokenCheckResult Rejected(Exception ex) => ex switch
    {
        TokenExpiredException => new TokenCheckResult(false, $"token expired: {ex.Message}"),
        TokenVerificationUnavailableException => new TokenCheckResult(false, $"token could not be checked: {ex.Message}"),
        _ => new TokenCheckResult(false, $"invalid token: {ex.Message}"),
    };

    private static void AppendExpiry(StringBuilder text, long expireAt)
    {
        if (expireAt <= 0)
        {
            text.AppendLine("expires: never");
            return;
        }

        if (expireAt > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            text.Append(CultureInfo.InvariantCulture, $"expires at: unix {expireAt}").AppendLine();
            return;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(expireAt);
        text.Append(CultureInfo.InvariantCulture, $"expires at: {at:yyyy-MM-dd'T'HH:mm:ss'Z'} (unix {expireAt})").AppendLine();
    }

    private static void AppendBytes(StringBuilder text, string name, byte[]? value)
    {
        if (value is not null)
        {
            text.Append(name).Append(": ").Append(Encoding.UTF8.GetString(value)).AppendLine();
        }
    }
}
