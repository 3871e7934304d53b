using K8sRelay.Core.Auth;
using K8sRelay.Core.Node;
using K8sRelay.Protocol;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

/// <summary>
/// Collects the server-side subscriptions of a connecting client: the token's <c>subs</c> (or
/// <c>channels</c>), the user's personal channel, and permitted channels from the connect
/// request's <c>subs</c> (which also carry recovery positions).
/// </summary>
internal static class ServerSubscriptionPlanner
{
    public static List<ServerSubscriptionPlan> Plan(RelayNode node, string user, ConnectTokenClaims? claims, ConnectRequest request)
    {
        var plans = new Dictionary<string, ServerSubscriptionPlan>(StringComparer.Ordinal);
        var rules = node.Channels;

        void AddPlan(string channel, SubscriptionClaim? claim)
        {
            if (!rules.TryResolve(channel, out var ns))
            {
                throw new ProtocolErrorException(ProtocolError.UnknownChannel);
            }

            var subRequest = request.Subs.TryGetValue(channel, out var fromClient) ? fromClient : new SubscribeRequest();
            var flags = SubscriptionFlagsResolver.Resolve(ns, claim?.Override, null, serverSide: true);
            plans[channel] = new ServerSubscriptionPlan(channel, ns, subRequest, flags, claim?.Info, claim?.Data, 0);
        }

        if (claims is not null)
        {
            if (claims.Subs.Count > 0)
            {
                foreach (var (channel, claim) in claims.Subs)
                {
                    AddPlan(channel, claim);
                }
            }
            else
            {
                foreach (var channel in claims.Channels)
                {
                    AddPlan(channel, null);
                }
            }
        }

        var personal = node.Config.Client.SubscribeToUserPersonalChannel;
        if (personal.Enabled && user.Length > 0)
        {
            AddPlan(rules.PersonalChannel(user, personal.PersonalChannelNamespace), null);
        }

        foreach (var (channel, subRequest) in request.Subs)
        {
            if (plans.ContainsKey(channel))
            {
                continue;
            }

            if (!rules.TryResolve(channel, out var ns))
            {
                throw new DisconnectException(DisconnectReason.BadRequest);
            }

            if (SubscribePermission.AllowedWithoutToken(node, ns, channel, user))
            {
                var flags = SubscriptionFlagsResolver.Resolve(ns, null, null, serverSide: true);
                plans[channel] = new ServerSubscriptionPlan(channel, ns, subRequest, flags, null, null, 0);
            }
        }

        return [.. plans.Values];
    }
}
