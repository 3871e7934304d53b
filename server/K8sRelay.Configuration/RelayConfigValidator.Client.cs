using System.Text.RegularExpressions;
using K8sRelay.Configuration.Model;
using K8sRelay.Configuration.Validation;

namespace K8sRelay.Configuration;

/// <summary>Client connection rules.</summary>
public static partial class RelayConfigValidator
{
    private static void ValidateClient(RelayConfig config, ValidationScope root)
    {
        var client = config.Client;
        var scope = root.Under("client");
        scope.NonNegative("channel_limit", client.ChannelLimit);
        scope.NonNegative("queue_max_size", client.QueueMaxSize);
        scope.NonNegative("concurrency", client.Concurrency);
        scope.NonNegative("connection_limit", client.ConnectionLimit);
        scope.NonNegative("user_connection_limit", client.UserConnectionLimit);
        scope.NonNegative("connection_rate_limit", client.ConnectionRateLimit);
        scope.NonNegative("history_max_publication_limit", client.HistoryMaxPublicationLimit);
        scope.NonNegative("recovery_max_publication_limit", client.RecoveryMaxPublicationLimit);
        scope.NonNegative("stale_close_delay", client.StaleCloseDelay);
        scope.NonNegative("expired_close_delay", client.ExpiredCloseDelay);
        scope.NonNegative("expired_sub_close_delay", client.ExpiredSubCloseDelay);
        scope.NonNegative("channel_position_max_time_lag", client.ChannelPositionMaxTimeLag);
        scope.Positive("presence_update_interval", client.PresenceUpdateInterval);
        scope.Positive("channel_position_check_delay", client.ChannelPositionCheckDelay);

        if (client.PingInterval > TimeSpan.Zero && client.PongTimeout > TimeSpan.Zero && client.PingInterval <= client.PongTimeout)
        {
            scope.Fail("ping_interval", $"must be greater than client.pong_timeout ({Schema.GoDuration.Format(client.PongTimeout)}) when both are enabled");
        }

        if (client.AllowedOrigins.Any(string.IsNullOrWhiteSpace))
        {
            scope.Fail("allowed_origins", "must not contain empty entries");
        }

        ValidateToken(scope.Under("token"), client.Token);
        ValidateToken(scope.Under("subscription_token"), client.SubscriptionToken);

        if (client.Proxy.Connect.Enabled)
        {
            ValidateProxy(scope.Under("proxy.connect"), client.Proxy.Connect);
        }

        if (client.Proxy.Refresh.Enabled)
        {
            ValidateProxy(scope.Under("proxy.refresh"), client.Proxy.Refresh);
        }

        var uni = scope.Under("connect_code_to_unidirectional_disconnect");
        for (var i = 0; i < client.ConnectCodeToUnidirectionalDisconnect.Transforms.Count; i++)
        {
            var transform = client.ConnectCodeToUnidirectionalDisconnect.Transforms[i];
            var item = uni.Under($"transforms[{i}]");
            item.Positive("code", transform.Code);
            item.Positive("to.code", transform.To.Code);
            item.Ascii("to.reason", transform.To.Reason);
        }
    }

    private static void ValidateToken(ValidationScope scope, TokenConfig token)
    {
        if (token.UserIdClaim.Length > 0 && !Regex.IsMatch(token.UserIdClaim, "^[a-zA-Z_]+$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            scope.Fail("user_id_claim", $"must match ^[a-zA-Z_]+$, got \"{token.UserIdClaim}\"");
        }

        scope.Regex("audience_regex", token.AudienceRegex);
        scope.Regex("issuer_regex", token.IssuerRegex);
        scope.NonNegative("hmac_previous_secret_key_valid_until", token.HmacPreviousSecretKeyValidUntil);
    }

    private static void ValidatePersonalChannel(RelayConfig config, ValidationScope root)
    {
        var personal = config.Client.SubscribeToUserPersonalChannel;
        if (!personal.Enabled)
        {
            return;
        }

        var scope = root.Under("client.subscribe_to_user_personal_channel");
        if (personal.PersonalChannelNamespace.Length == 0)
        {
            if (personal.SingleConnection && !config.Channel.WithoutNamespace.Presence)
            {
                scope.Fail("single_connection", "needs channel.without_namespace.presence to be enabled");
            }

            return;
        }

        var ns = config.Channel.Namespaces.Find(n => n.Name == personal.PersonalChannelNamespace);
        if (ns is null)
        {
            scope.Fail("personal_channel_namespace", $"namespace \"{personal.PersonalChannelNamespace}\" is not defined in channel.namespaces");
        }
        else if (personal.SingleConnection && !ns.Presence)
        {
            scope.Fail("single_connection", $"needs presence to be enabled in namespace \"{ns.Name}\"");
        }
    }
}
