using K8sRelay.Core.Channels;
using K8sRelay.Core.Node;

namespace K8sRelay.Core.Clients;

/// <summary>The subscribe permission chain for subscriptions without a subscription token.</summary>
internal static class SubscribePermission
{
    /// <summary>
    /// Private channels need a token; user-limited channels admit exactly their users when the
    /// namespace allows them; otherwise <c>allow_subscribe_for_client</c> (and
    /// <c>allow_subscribe_for_anonymous</c> for anonymous users) or <c>client.insecure</c>.
    /// </summary>
    public static bool AllowedWithoutToken(RelayNode node, ChannelNamespace ns, string channel, string user)
    {
        var rules = node.Channels;
        if (rules.IsPrivate(channel))
        {
            return false;
        }

        if (ns.Options.AllowUserLimitedChannels && rules.IsUserLimited(channel))
        {
            return rules.IsUserAllowed(channel, user);
        }

        if (ns.Options.AllowSubscribeForClient && (user.Length > 0 || ns.Options.AllowSubscribeForAnonymous))
        {
            return true;
        }

        return node.Config.Client.Insecure;
    }
}
