using K8sRelay.Core.Auth;
using K8sRelay.Core.Channels;
using K8sRelay.Protocol.Messages;

namespace K8sRelay.Core.Clients;

/// <summary>Works out what a subscription negotiates from namespace options, token overrides and the request.</summary>
internal static class SubscriptionFlagsResolver
{
    /// <summary>Delta type centrifuge-js supports.</summary>
    public const string FossilDelta = "fossil";

    public static SubscriptionFlags Resolve(ChannelNamespace ns, SubscriptionOverride? overrides, SubscribeRequest? request, bool serverSide)
    {
        var options = ns.Options;
        var flags = serverSide ? SubscriptionFlags.ServerSide : SubscriptionFlags.None;

        if (overrides?.Presence ?? options.Presence)
        {
            flags |= SubscriptionFlags.Presence;
        }

        var emitJoinLeave = overrides?.JoinLeave ?? options.JoinLeave;
        if (emitJoinLeave)
        {
            flags |= SubscriptionFlags.EmitJoinLeave;
        }

        if ((overrides?.ForcePushJoinLeave ?? options.ForcePushJoinLeave) || (emitJoinLeave && request is { JoinLeave: true }))
        {
            flags |= SubscriptionFlags.PushJoinLeave;
        }

        if (ns.HasHistory)
        {
            var recoverable = (overrides?.ForceRecovery ?? options.ForceRecovery) || (options.AllowRecovery && request is { Recoverable: true });
            var positioned = recoverable
                || (overrides?.ForcePositioning ?? options.ForcePositioning)
                || (options.AllowPositioning && request is { Positioned: true });
            if (recoverable)
            {
                flags |= SubscriptionFlags.Recoverable;
            }

            if (positioned)
            {
                flags |= SubscriptionFlags.Positioned;
            }
        }

        if (request is not null && request.Delta == FossilDelta && options.AllowedDeltaTypes.Contains(FossilDelta))
        {
            flags |= SubscriptionFlags.Delta;
        }

        return flags;
    }
}
